import datetime

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from bhp_portal.core.factories import KeyFactFactory
from tests.utils import soup

REPORT = reverse("key_facts_due_for_review")


@pytest.fixture
def stale_and_fresh(db):
    today = datetime.date.today()
    stale = KeyFactFactory(label="beds last counted long ago", review_by=today)
    fresh = KeyFactFactory(
        label="beds counted this year", review_by=today + datetime.timedelta(days=30)
    )
    return stale, fresh


@pytest.mark.django_db
def test_report_lists_figures_past_their_review_date_only(
    admin_client, stale_and_fresh
):
    response = admin_client.get(REPORT)
    assert response.status_code == 200
    rows = [row.get_text(" ", strip=True) for row in soup(response).select("tbody tr")]
    assert any("beds last counted long ago" in row for row in rows)
    assert not any("beds counted this year" in row for row in rows)
    link = soup(response).select_one("tbody a")
    assert "/admin/snippets/core/keyfact/edit/" in link["href"]


@pytest.mark.django_db
def test_report_exports_to_csv(admin_client, stale_and_fresh):
    response = admin_client.get(REPORT + "?export=csv")
    assert response.status_code == 200
    body = b"".join(response.streaming_content).decode()
    assert "beds last counted long ago" in body
    assert "beds counted this year" not in body


@pytest.mark.django_db
def test_report_is_in_the_reports_menu(admin_client):
    assert REPORT in admin_client.get(reverse("wagtailadmin_home")).content.decode()


@pytest.mark.django_db
def test_editors_who_cannot_change_key_facts_are_refused(client, django_user_model):
    user = django_user_model.objects.create_user("reader", password="x" * 16)
    group = Group.objects.create(name="Admin readers")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    user.groups.add(group)
    client.force_login(user)
    response = client.get(REPORT)
    assert response.status_code == 302
    assert response["Location"] != REPORT
    group.permissions.add(Permission.objects.get(codename="change_keyfact"))
    assert client.get(REPORT).status_code == 200


@pytest.mark.django_db
def test_anonymous_visitors_are_sent_to_sign_in(client):
    response = client.get(REPORT)
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
