"""People where the rest of the site names them: news bylines and press
contacts, theme and partner pages, the API, the sitemap and site search; and
who may edit them (Editors) or only choose them (the Comms team)."""

import pytest
from django.contrib.auth.models import Group
from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    rich_text,
)

from news.factories import (
    NewsArticleAuthorFactory,
    NewsArticlePageFactory,
    PressContactFactory,
)
from news.models import ArticleType, NewsArticlePressContact
from partners.factories import OrganisationFactory, PartnerPageFactory
from research.factories import (
    PeopleIndexPageFactory,
    PersonPageFactory,
    ResearchThemePageFactory,
)
from research.models import PersonPage, RoleKind
from tests.utils import ProxyClient, soup

pytestmark = pytest.mark.django_db


def listed(html, heading_id="people-heading"):
    section = html.find(id=heading_id).parent
    return [a.get_text() for a in section.select(".person-card__name a")]


@pytest.fixture
def person():
    return PersonPageFactory(title="Ada Example", honorific="Dr")


# News ----------------------------------------------------------------------


def test_an_author_with_a_page_is_linked_and_the_article_listed(client, person):
    article = NewsArticlePageFactory(title="Ada's story")
    NewsArticleAuthorFactory(page=article, name="Dr Ada Example", person=person)
    NewsArticleAuthorFactory(page=NewsArticlePageFactory(title="Someone else's"))

    byline = soup(client.get(article.url)).select_one(".article__authors a")
    assert byline["href"] == person.url and byline.get_text() == "Dr Ada Example"
    html = soup(client.get(person.url))
    news = [a.get_text() for a in html.select("#news-heading ~ ul .card__title a")]
    assert news == ["Ada's story"]


def test_a_press_contact_with_a_page_links_to_it_on_press_releases(client, person):
    contact = PressContactFactory(name="Ada Example", person=person)
    release = NewsArticlePageFactory(
        title="A release", article_type=ArticleType.PRESS_RELEASE
    )
    story = NewsArticlePageFactory(title="Not a release")
    for article in (release, story):
        NewsArticlePressContact.objects.create(page=article, contact=contact)

    link = soup(client.get(release.url)).select_one(".press-contact__name a")
    assert link["href"] == person.url
    html = soup(client.get(person.url))
    # Press contacts only show on press releases, so only that one counts.
    news = [a.get_text() for a in html.select("#news-heading ~ ul .card__title a")]
    assert news == ["A release"]


def test_a_draft_person_is_named_but_not_linked(client):
    draft = PersonPageFactory(title="Draft Person", live=False)
    article = NewsArticlePageFactory()
    NewsArticleAuthorFactory(page=article, name="Draft Person", person=draft)
    byline = soup(client.get(article.url)).select_one(".article__authors")
    assert "Draft Person" in byline.get_text() and not byline.select("a")


def test_press_contacts_made_before_people_keep_their_details(client):
    contact = PressContactFactory(name="Kept Name", email="kept@bhp.example")
    assert contact.person is None
    release = NewsArticlePageFactory(article_type=ArticleType.PRESS_RELEASE)
    NewsArticlePressContact.objects.create(page=release, contact=contact)
    html = soup(client.get(release.url))
    assert "Kept Name" in html.select_one(".press-contact__name").get_text()
    assert html.select_one('a[href="mailto:kept@bhp.example"]')


# Themes and partners -------------------------------------------------------


def test_a_theme_lists_its_people_but_not_a_contact_twice(client):
    contact, member = PersonPageFactory.create_batch(2)
    theme = ResearchThemePageFactory(
        lead_contacts=[
            ("contact", {"name": contact.title, "role": "Lead", "person": contact})
        ]
    )
    for person in (contact, member):
        person.themes.add(theme)
        person.save()
    html = soup(client.get(theme.url))
    assert listed(html) == [member.title]
    contact_link = html.select_one(".contact__name a")
    assert contact_link["href"] == contact.url


def test_a_partner_page_lists_who_works_or_holds_a_role_there(client):
    organisation = OrganisationFactory()
    partner = PartnerPageFactory(organisation=organisation)
    works = PersonPageFactory(title="Works There", organisation=organisation)
    role = PersonPageFactory(
        title="Holds A Role",
        roles=PersonPageFactory.roles_for(
            ("Visiting chair", RoleKind.RESEARCH, organisation)
        ),
    )
    PersonPageFactory(title="Elsewhere", organisation=OrganisationFactory())
    html = soup(client.get(partner.url))
    # By family name.
    assert listed(html) == [role.title, works.title]


# API, sitemap, search ------------------------------------------------------

PUBLIC_FIELDS = {
    "id",
    "meta",
    "title",
    "summary",
    "last_published_at",
    "listing_image",
    "honorific",
    "post_nominals",
    "full_name",
    "organisation",
    "roles",
    "themes",
    "orcid",
    "orcid_url",
    "photo",
    "photo_alt",
    "biography",
    "public_email",
    "public_phone",
}


def test_the_api_gives_public_fields_only(client):
    organisation = OrganisationFactory(name="API University")
    person = PersonPageFactory(
        title="Api Person",
        organisation=organisation,
        orcid="0000-0002-1825-0097",
        public_email="api.person@bhp.example",
        roles=PersonPageFactory.roles_for(
            ("Theme lead", RoleKind.THEME_LEAD, organisation)
        ),
    )
    # Private contact data kept elsewhere on the site never comes out here.
    PressContactFactory(
        person=person, email="private.press@bhp.example", out_of_hours_phone="07700 1"
    )
    response = client.get(f"/api/v2/pages/{person.pk}/")
    assert response.status_code == 200
    data = response.json()
    assert set(data) == PUBLIC_FIELDS
    assert data["meta"]["type"] == "research.PersonPage"
    assert data["orcid_url"] == "https://orcid.org/0000-0002-1825-0097"
    assert data["organisation"]["name"] == "API University"
    assert [(r["title"], r["kind"]) for r in data["roles"]] == [
        ("Theme lead", "theme-lead")
    ]
    assert data["public_email"] == "api.person@bhp.example"
    text = response.content.decode()
    assert "private.press" not in text and "07700 1" not in text
    listing = client.get("/api/v2/pages/?type=research.PersonPage&fields=*").json()
    assert person.pk in {item["id"] for item in listing["items"]}


def test_a_draft_person_is_not_in_the_api(client):
    draft = PersonPageFactory(live=False)
    assert client.get(f"/api/v2/pages/{draft.pk}/").status_code == 404


def test_people_are_in_the_sitemap(client, person):
    sitemap = client.get("/sitemap.xml").content.decode()
    assert f"{person.url}</loc>" in sitemap
    assert f"{PeopleIndexPageFactory().url}</loc>" in sitemap


def test_site_search_finds_people_under_their_own_filter(client):
    person = PersonPageFactory(
        title="Quillon Person",
        roles=PersonPageFactory.roles_for(
            ("Director of Zymurgy", RoleKind.LEADERSHIP, None)
        ),
    )
    person.save_revision().publish()  # as an editor would: roles indexed too
    html = soup(client.get("/search/", {"q": "zymurgy", "type": "people"}))
    titles = [a.get_text() for a in html.select(".search-results li h3 a")]
    assert titles == ["Quillon Person"]
    filters = [a.get_text(" ", strip=True) for a in html.select("a[href*='type=']")]
    assert any(text.startswith("People") for text in filters)


# Who may edit and who may only choose --------------------------------------


def logged_in(django_user_model, group):
    user = django_user_model.objects.create_user(
        username=group.lower().replace(" ", "-"), password="a long test password"
    )
    user.groups.add(Group.objects.get(name=group))
    client = ProxyClient()
    client.force_login(user)
    return client


def person_form(title, **extra):
    return nested_form_data(
        {
            "title": title,
            "slug": title.lower().replace(" ", "-"),
            "summary": "",
            "honorific": "",
            "post_nominals": "",
            "family_name": "",
            "roles": inline_formset(
                [{"title": "Theme lead", "kind": "theme-lead", "organisation": ""}]
            ),
            "biography": rich_text(""),
            "orcid": "",
            "photo_alt": "",
            "public_email": "",
            "public_phone": "",
            **extra,
        }
    )


def test_editors_add_publish_and_edit_people(django_user_model):
    editor = logged_in(django_user_model, "Editors")
    index = PeopleIndexPageFactory()
    add_url = f"/admin/pages/add/research/personpage/{index.pk}/"
    assert editor.get(add_url).status_code == 200
    response = editor.post(
        add_url, person_form("New Person", **{"action-publish": "1"})
    )
    assert response.status_code == 302
    person = PersonPage.objects.get(slug="new-person")
    assert person.live and [r.title for r in person.roles.all()] == ["Theme lead"]
    assert person.family_name == "Person"
    assert editor.get(f"/admin/pages/{person.pk}/edit/").status_code == 200


def test_editors_get_a_form_error_for_a_bad_orcid(django_user_model):
    editor = logged_in(django_user_model, "Editors")
    index = PeopleIndexPageFactory()
    response = editor.post(
        f"/admin/pages/add/research/personpage/{index.pk}/",
        person_form("Bad Orcid", orcid="0000-0002-1825-0098"),
    )
    assert response.status_code == 200
    assert "check digit does not match" in response.content.decode()
    assert not PersonPage.objects.filter(slug="bad-orcid").exists()


def test_the_comms_team_cannot_add_or_edit_people(django_user_model, person):
    comms = logged_in(django_user_model, "Comms team")
    index = person.get_parent()
    for url in (
        f"/admin/pages/{person.pk}/edit/",
        f"/admin/pages/add/research/personpage/{index.pk}/",
    ):
        assert comms.get(url).status_code in (302, 403), url
    comms.post(f"/admin/pages/{person.pk}/edit/", person_form("Renamed"))
    person.refresh_from_db()
    assert person.title == "Ada Example"


def test_the_comms_team_can_choose_people(django_user_model, person):
    comms = logged_in(django_user_model, "Comms team")
    index = person.get_parent()
    chooser = comms.get(
        f"/admin/choose-page/{index.pk}/", {"page_type": "research.personpage"}
    )
    assert chooser.status_code == 200
    assert "Ada Example" in chooser.content.decode()
    # ... and link a press contact (theirs to edit) to one.
    contact = PressContactFactory(name="Press Person")
    response = comms.post(
        f"/admin/snippets/news/presscontact/edit/{contact.pk}/",
        {
            "name": contact.name,
            "role": contact.role,
            "email": contact.email,
            "phone": "",
            "out_of_hours_phone": "",
            "person": person.pk,
        },
    )
    assert response.status_code == 302
    contact.refresh_from_db()
    assert contact.person_id == person.pk
