import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from tests.utils import ProxyClient

PASSWORD = "a-long-test-password-42"


@pytest.fixture
def make_user(db):
    """A staff member in the named group, the way the site's roles are given."""

    def make(username, group_name):
        user = get_user_model().objects.create_user(
            username=username,
            email=f"{username}@bhp.example",
            password=PASSWORD,
            first_name=username.title(),
        )
        user.groups.add(Group.objects.get(name=group_name))
        return user

    return make


@pytest.fixture
def client_for():
    def login(user):
        client = ProxyClient()
        client.force_login(user)
        return client

    return login
