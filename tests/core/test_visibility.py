"""live_and_public() gives the same pages as Wagtail's live().public(), in the
listing's own query."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Page, PageViewRestriction

from bhp_portal.core.factories import StandardPageFactory
from bhp_portal.core.models import StandardPage
from bhp_portal.core.visibility import live_and_public

pytestmark = pytest.mark.django_db


@pytest.fixture
def restricted_sections(home_page):
    def section(title, **restriction):
        page = StandardPageFactory(parent=home_page, title=title)
        child = StandardPageFactory(parent=page, title=f"{title} child")
        StandardPageFactory(parent=child, title=f"{title} grandchild")
        if restriction:
            PageViewRestriction.objects.create(page=page, **restriction)
        return page

    section("Open")
    section("Password", restriction_type="password", password="s3cret")
    section("Login", restriction_type="login")
    groups = section("Groups", restriction_type="groups")
    groups.get_view_restrictions().get().groups.set([Group.objects.first()])
    # A restriction on a page in the middle of an open section.
    middle = section("Partly open").get_children().get()
    PageViewRestriction.objects.create(page=middle, restriction_type="login")
    draft = StandardPageFactory(parent=home_page, title="Draft")
    draft.unpublish()


def titles(pages):
    return sorted(page.title for page in pages)


@pytest.mark.usefixtures("restricted_sections")
@pytest.mark.parametrize("model", [Page, StandardPage])
def test_the_same_pages_as_wagtails_public(model):
    ours = titles(live_and_public(model.objects))
    assert ours == titles(model.objects.live().public())
    assert "Open grandchild" in ours
    assert "Partly open" in ours
    for hidden in ["Password", "Login child", "Groups grandchild", "Draft"]:
        assert hidden not in ours
    assert "Partly open child" not in ours
    assert "Partly open grandchild" not in ours


@pytest.mark.usefixtures("restricted_sections")
def test_one_query(django_assert_num_queries):
    with django_assert_num_queries(1):
        list(live_and_public(Page.objects.all()))
