import pytest
from django.contrib.auth.models import Group
from wagtail.models import Page

from news.models import NewsIndexPage
from partners.models import Organisation
from research.models import ResearchIndexPage, ResearchThemePage


@pytest.fixture
def news_index(db):
    return NewsIndexPage.objects.get()


@pytest.fixture
def make_user(django_user_model):
    def make(username, *groups):
        user = django_user_model.objects.create_user(
            username=username,
            email=f"{username}@example.org",
            password="a long test password",
        )
        user.groups.set(Group.objects.filter(name__in=groups))
        return user

    return make


@pytest.fixture
def comms_user(make_user):
    return make_user("comms", "Comms team")


@pytest.fixture
def moderator(make_user):
    return make_user("moderator", "Moderators")


@pytest.fixture
def theme(db):
    """A live research theme of the tests' own, whatever the demo content holds."""
    index = ResearchIndexPage.objects.first()
    if index is None:
        home = Page.objects.get(slug="home")
        index = home.add_child(
            instance=ResearchIndexPage(title="Research", slug="research")
        )
    return index.add_child(
        instance=ResearchThemePage(title="Test Theme", slug="test-theme")
    )


@pytest.fixture
def other_theme(theme):
    return theme.get_parent().add_child(
        instance=ResearchThemePage(title="Other Theme", slug="other-theme")
    )


@pytest.fixture
def partner(db):
    return Organisation.objects.create(
        name="Test University", slug="test-university", kind="university"
    )
