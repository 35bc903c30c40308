"""The contact form: stored first, emailed second, never lost."""

import csv
import io
import logging
import smtplib

import pytest
from django.core import mail
from django.test import override_settings
from wagtail.contrib.forms.models import FormSubmission

from bhp_portal.core.models import SiteSettings
from tests.utils import QUERY_BUDGET, soup

VALID = {
    "your_name": "Alex Journalist",
    "email_address": "alex@example.org",
    "enquiry_type": "Press",
    "organisation": "Example News",
    "your_message": "Could we interview someone about the new centre?",
}


class FailingEmailBackend:
    def __init__(self, *args, **kwargs):
        pass

    def open(self):
        raise smtplib.SMTPServerDisconnected("mail server unavailable")

    def send_messages(self, messages):
        raise smtplib.SMTPServerDisconnected("mail server unavailable")

    def close(self):
        pass


def submissions(page):
    return FormSubmission.objects.filter(page=page)


@pytest.mark.django_db
def test_contact_form_has_labelled_fields_and_a_hidden_honeypot(client, contact_page):
    html = soup(client.get(contact_page.url))
    form = html.select_one("main form")
    assert form["method"] == "post"
    for name in VALID:
        control = form.select_one(f'[name="{name}"]')
        assert form.select_one(f'label[for="{control["id"]}"]'), name
    trap = form.select_one('input[name="website_address"]')
    assert trap["tabindex"] == "-1"
    assert trap.find_parent(class_="visually-hidden")["aria-hidden"] == "true"
    choices = [i["value"] for i in form.select('input[name="enquiry_type"]')]
    assert choices == ["Press", "Public"]


@pytest.mark.django_db
def test_valid_enquiry_is_stored_and_emailed_to_the_site_address(
    client, contact_page, enquiries_desk
):
    response = client.post(contact_page.url, VALID)
    assert response.status_code == 200
    assert "Thank you" in soup(response).h1.get_text()
    submission = submissions(contact_page).get()
    assert submission.get_data()["your_name"] == "Alex Journalist"
    assert "website_address" not in submission.form_data
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [enquiries_desk]
    assert "Could we interview someone" in mail.outbox[0].body


@pytest.mark.django_db
def test_invalid_enquiry_shows_an_error_summary_linked_to_fields(client, contact_page):
    response = client.post(
        contact_page.url, {**VALID, "your_name": "", "email_address": "not-an-email"}
    )
    assert response.status_code == 200
    html = soup(response)
    assert html.title.get_text().startswith("Error:")
    summary = html.select_one(".error-summary")
    assert summary["role"] == "alert"
    links = {a["href"]: a.get_text() for a in summary.select("a")}
    assert links == {
        "#id_your_name": "Enter your name",
        "#id_email_address": "Enter an email address in the correct format, like "
        "name@example.org",
    }
    email = html.select_one("#id_email_address")
    assert email["aria-invalid"] == "true"
    assert "id_email_address-error" in email["aria-describedby"]
    assert email["value"] == "not-an-email"
    assert not submissions(contact_page).exists()
    assert not mail.outbox


@pytest.mark.django_db
def test_honeypot_submissions_are_thanked_but_dropped(client, contact_page):
    response = client.post(
        contact_page.url, {**VALID, "website_address": "http://spam.example"}
    )
    assert response.status_code == 200
    assert "Thank you" in soup(response).h1.get_text()
    assert not submissions(contact_page).exists()
    assert not mail.outbox


@pytest.mark.django_db
@override_settings(EMAIL_BACKEND="tests.core.test_contact_form.FailingEmailBackend")
def test_enquiry_is_kept_when_email_fails(client, contact_page, enquiries_desk, caplog):
    # Tasks run inline here; tests/core/test_task_queue.py has the retries.
    with caplog.at_level(logging.ERROR, logger="bhp_portal.core.tasks"):
        response = client.post(contact_page.url, VALID)
    assert response.status_code == 200
    assert "Thank you" in soup(response).h1.get_text()
    assert submissions(contact_page).count() == 1
    assert "send_email failed for good" in caplog.text


@pytest.mark.django_db
def test_contact_form_is_never_served_from_the_page_cache(
    client, contact_page, django_assert_max_num_queries
):
    # Each visitor needs their own CSRF token, so the form is always built fresh.
    client.get(contact_page.url)
    with django_assert_max_num_queries(QUERY_BUDGET):
        response = client.get(contact_page.url)
    assert response.status_code == 200
    assert "X-Cache" not in response
    assert response.cookies.get("csrftoken")


@pytest.mark.django_db
def test_an_overlong_message_is_refused_with_what_was_typed_kept(client, contact_page):
    # Security round two, item 11: a 2 MB message was stored and e-mailed.
    message = "word " * 1001
    response = client.post("/contact/", {**VALID, "your_message": message})
    assert response.status_code == 200
    html = soup(response)
    summary = html.select_one(".error-summary").get_text()
    assert "Your message must be 5,000 characters or fewer" in summary
    box = html.select_one('textarea[name="your_message"]')
    # Browsers drop the newline Django puts after <textarea>.
    assert box.get_text().removeprefix("\n") == message
    assert box["maxlength"] == "5000"
    assert not submissions(contact_page).exists()
    assert not mail.outbox


@pytest.mark.django_db
def test_a_visitor_sending_many_enquiries_is_asked_to_wait(client, contact_page):
    for number in range(5):
        response = client.post("/contact/", {**VALID, "your_name": f"Sender {number}"})
        assert "Thank you" in soup(response).h1.get_text()
    response = client.post("/contact/", {**VALID, "your_name": "Sender 5"})
    assert response.status_code == 429
    assert 3500 < int(response["Retry-After"]) <= 3600
    html = soup(response)
    assert (
        "Please wait 60 minutes before sending another"
        in html.select_one(".error-summary").get_text()
    )
    # Nothing typed is lost, nothing more is stored.
    assert html.select_one('input[name="your_name"]')["value"] == "Sender 5"
    assert submissions(contact_page).count() == 5
    # Another visitor is not held up.
    other = client.post(
        "/contact/", {**VALID, "your_name": "Other"}, REMOTE_ADDR="192.0.2.77"
    )
    assert other.status_code == 200
    assert submissions(contact_page).count() == 6


@pytest.mark.django_db
def test_the_csv_export_shows_formulas_as_text(admin_client, contact_page):
    # Security round two, item 12: a spreadsheet would run these.
    hostile = {
        "your_name": '=HYPERLINK("https://attacker.example","Click")',
        "organisation": "@SUM(1+1)*cmd|' /C calc'!A0",
        "your_message": "+1+1",
    }
    FormSubmission.objects.create(page=contact_page, form_data=hostile)
    FormSubmission.objects.create(page=contact_page, form_data={"your_name": "Ann"})
    response = admin_client.get(
        f"/admin/forms/submissions/{contact_page.pk}/?export=csv"
    )
    rows = list(csv.DictReader(io.StringIO(b"".join(response).decode())))
    by_name = {row["Your name"]: row for row in rows}
    assert set(by_name) == {"'" + hostile["your_name"], "Ann"}
    hostile_row = by_name["'" + hostile["your_name"]]
    assert hostile_row["Organisation"] == "'" + hostile["organisation"]
    assert hostile_row["Your message"] == "'+1+1"


@pytest.mark.django_db
def test_the_contact_page_shows_the_address_and_telephone_beside_the_form(
    client, contact_page
):
    site_settings = SiteSettings.objects.get()
    site_settings.address = "1 Test Street\nTestford TE1 1ST"
    site_settings.contact_phone = "0121 000 0000"
    site_settings.save()
    main = soup(client.get(contact_page.url)).main
    details = main.select_one('section[aria-labelledby="contact-details-heading"]')
    assert "1 Test Street" in details.address.get_text()
    assert details.select_one('a[href="tel:01210000000"]').get_text() == "0121 000 0000"


@pytest.mark.django_db
def test_the_contact_page_leaves_out_contact_details_that_are_not_set(
    client, contact_page
):
    site_settings = SiteSettings.objects.get()
    site_settings.address = site_settings.contact_phone = ""
    site_settings.contact_email = ""
    site_settings.media_phone = site_settings.media_out_of_hours_phone = ""
    site_settings.save()
    main = soup(client.get(contact_page.url)).main
    assert not main.select_one(".contact-details")
