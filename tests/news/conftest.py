import pytest
from django.contrib.auth.models import Group

from partners.factories import OrganisationFactory
from research.factories import ResearchThemePageFactory


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
    return ResearchThemePageFactory(title="Test Theme", slug="test-theme")


@pytest.fixture
def other_theme(theme):
    return ResearchThemePageFactory(title="Other Theme", slug="other-theme")


@pytest.fixture
def partner(db):
    return OrganisationFactory(name="Test University", slug="test-university")
