"""The public read-only API at /api/v2/: live, public content only, the
useful fields of each content type, and a clear 400 for bad parameters."""

import pytest
from django.utils import timezone
from wagtail.models import (
    Collection,
    CollectionViewRestriction,
    Page,
    PageViewRestriction,
)

from bhp_portal.core.factories import ImageFactory
from news.models import NewsArticlePage
from partners.factories import HDRUKSitePageFactory, OrganisationFactory
from partners.models import Organisation, PartnerPage
from research.factories import ResearchThemePageFactory
from research.models import ResearchThemePage

pytestmark = pytest.mark.django_db


def get(client, path, status=200):
    response = client.get(path)
    assert response.status_code == status, response.content[:500]
    assert response["Content-Type"] == "application/json"
    return response.json()


def all_pages(client, query=""):
    """Every item of the pages listing, following the pagination."""
    items, offset = [], 0
    while True:
        data = get(client, f"/api/v2/pages/?limit=100&offset={offset}{query}")
        items += data["items"]
        offset += 100
        if offset >= data["meta"]["total_count"]:
            return items


def test_the_pages_listing_is_exactly_the_live_public_pages(client):
    listed = {item["id"] for item in all_pages(client)}
    expected = set(
        Page.objects.live().public().filter(depth__gt=1).values_list("id", flat=True)
    )
    assert listed == expected
    assert len(listed) > 40


def test_drafts_private_and_expired_pages_are_never_served(client, home_page):
    theme = ResearchThemePage.objects.live().first()
    draft = ResearchThemePage.objects.exclude(pk=theme.pk).live().first()
    draft.unpublish()
    private = PartnerPage.objects.live().first()
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    expired = NewsArticlePage.objects.live().first()
    expired.expire_at = timezone.now() - timezone.timedelta(minutes=1)
    expired.save_revision().publish()
    from django.core.management import call_command

    call_command("publish_scheduled")

    listed = {item["id"] for item in all_pages(client)}
    for hidden in (draft, private, expired):
        assert hidden.pk not in listed
        get(client, f"/api/v2/pages/{hidden.pk}/", status=404)
    assert theme.pk in listed
    searched = get(client, f"/api/v2/pages/?search={draft.title}")["items"]
    assert draft.pk not in {item["id"] for item in searched}


def test_a_theme_gives_its_summary_facts_partners_and_related_themes(client):
    theme = ResearchThemePage.objects.get(slug="immunology-and-inflammation")
    data = get(client, f"/api/v2/pages/{theme.pk}/")
    assert data["meta"]["type"] == "research.ResearchThemePage"
    assert data["meta"]["html_url"] == theme.full_url
    assert data["title"] == theme.title
    assert data["summary"] == theme.summary
    assert [fact["figure"] for fact in data["key_facts"]] == [
        link.key_fact.figure for link in theme.key_facts.all()
    ]
    assert [org["name"] for org in data["partners"]] == [
        link.organisation.name for link in theme.partner_links.all()
    ]
    related = theme.get_related_themes()
    assert [link["title"] for link in data["related_themes"]] == [
        page.title for page in related
    ]
    assert data["related_themes"][0]["url"] == related[0].full_url
    assert data["body"][0]["type"]


def test_a_related_theme_that_is_unpublished_drops_out_of_the_api(client):
    theme = ResearchThemePage.objects.get(slug="immunology-and-inflammation")
    related = theme.get_related_themes()[0]
    related.unpublish()
    data = get(client, f"/api/v2/pages/{theme.pk}/")
    assert related.title not in [link["title"] for link in data["related_themes"]]


def test_listing_themes_by_type_with_chosen_fields(client):
    photo = ImageFactory(file__width=1600, file__height=900)
    ResearchThemePageFactory(title="Aardvarks", listing_image=photo)
    data = get(
        client,
        "/api/v2/pages/?type=research.ResearchThemePage&fields=summary,listing_image"
        "&order=title",
    )
    titles = [item["title"] for item in data["items"]]
    assert titles == sorted(titles)
    assert data["meta"]["total_count"] == ResearchThemePage.objects.live().count()
    image = next(i for i in data["items"] if i["title"] == "Aardvarks")["listing_image"]
    assert (image["width"], image["height"]) == (800, 450)
    assert image["url"].endswith(".jpg")


def test_a_partner_page_nests_its_organisation_record(client):
    page = PartnerPage.objects.get(slug="birmingham-womens-hospital")
    data = get(client, f"/api/v2/pages/{page.pk}/")
    organisation = data["organisation"]
    assert organisation["name"] == page.organisation.name
    assert organisation["ods_code"] == page.organisation.ods_code
    assert organisation["parent"] == page.organisation.parent.name
    assert data["role"] == page.role


def test_an_hdr_uk_site_lists_its_members(client):
    members = [OrganisationFactory(name=n) for n in ("Zed College", "Abbey Lab")]
    site = HDRUKSitePageFactory(
        region="Zedlands",
        lead=OrganisationFactory(name="University of Zedshire"),
        lead_note="Leads the site's data trusts.",
        members=HDRUKSitePageFactory.members_for(members),
    )
    data = get(client, f"/api/v2/pages/{site.pk}/")
    assert data["region"] == "Zedlands"
    assert data["lead"]["name"] == "University of Zedshire"
    assert data["lead_note"] == "Leads the site's data trusts."
    assert [org["name"] for org in data["members"]] == ["Zed College", "Abbey Lab"]


def test_news_gives_dates_types_themes_partners_and_authors(client):
    article = (
        NewsArticlePage.objects.live().filter(themes__isnull=False).distinct().first()
    )
    data = get(client, f"/api/v2/pages/{article.pk}/")
    assert data["date"] == article.date.isoformat()
    assert data["article_type"] == article.article_type
    assert {t["title"] for t in data["themes"]} == {
        t.title for t in article.themes.live()
    }
    assert {o["name"] for o in data["organisations"]} == {
        o.name for o in article.organisations.all()
    }
    assert [a["name"] for a in data["authors"]] == [
        a.name for a in article.authors.all()
    ]
    assert set(data["tags"]) == {tag.name for tag in article.tags.all()}


def test_news_can_be_listed_newest_first(client):
    data = get(
        client, "/api/v2/pages/?type=news.NewsArticlePage&fields=date&order=-date"
    )
    dates = [item["date"] for item in data["items"]]
    assert dates == sorted(dates, reverse=True)


def test_organisations_have_an_endpoint_of_their_own(client):
    data = get(client, "/api/v2/organisations/?limit=100")
    assert data["meta"]["total_count"] == Organisation.objects.count()
    zedshire = OrganisationFactory(name="University of Zedshire", ror_id="00zz00z00")
    detail = get(client, f"/api/v2/organisations/{zedshire.pk}/")
    assert (detail["name"], detail["ror_id"]) == ("University of Zedshire", "00zz00z00")
    found = get(client, "/api/v2/organisations/?search=Zedshire")["items"]
    assert [item["id"] for item in found] == [zedshire.pk]


def test_images_in_a_private_collection_are_left_out(client):
    public = ImageFactory(title="Public photo")
    private_collection = Collection.get_first_root_node().add_child(name="Embargoed")
    CollectionViewRestriction.objects.create(
        collection=private_collection,
        restriction_type=CollectionViewRestriction.LOGIN,
    )
    private = ImageFactory(title="Embargoed photo", collection=private_collection)
    ids = {item["id"] for item in get(client, "/api/v2/images/?limit=100")["items"]}
    assert public.pk in ids
    assert private.pk not in ids
    get(client, f"/api/v2/images/{private.pk}/", status=404)


@pytest.mark.parametrize(
    "query",
    [
        "limit=abc",
        "limit=1000",
        "offset=-1",
        "offset=x",
        "type=nonexistent.Model",
        "type=<script>",
        "order=no_such_field",
        "fields=no_such_field",
        "child_of=abc",
        "descendant_of=99999999",
        "unknown_parameter=1",
        "id=abc",
        "id=99999999999999999999999",
        "offset=99999999999999999999999",
        "child_of=-99999999999999999999999",
        "search=cancer&search_operator=maybe",
    ],
)
def test_bad_parameters_get_a_400_with_a_message(client, query):
    data = get(client, f"/api/v2/pages/?{query}", status=400)
    assert data["message"]
    assert "<script>" not in data["message"]


def test_the_api_cannot_write(client, admin_client):
    theme = ResearchThemePage.objects.live().first()
    for method in ("post", "put", "patch", "delete"):
        for who in (client, admin_client):
            response = getattr(who, method)(f"/api/v2/pages/{theme.pk}/")
            assert response.status_code in (403, 405), (method, response.status_code)
    theme.refresh_from_db()
    assert theme.live


def test_other_sites_may_read_the_api(client):
    response = client.get("/api/v2/pages/")
    assert response["Access-Control-Allow-Origin"] == "*"
