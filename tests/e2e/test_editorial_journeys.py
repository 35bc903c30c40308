"""What editors, the comms team and moderators do every week, done in
Chromium against the live site (gunicorn, production settings, demo content):
sign in through the login form, write, preview, submit, sign off, schedule,
and see the result where visitors look. Database checks go through
`manage.py shell` on the site's own database."""

import datetime
import os
import re
from zoneinfo import ZoneInfo

import pytest
from django.utils.text import slugify
from PIL import Image
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

EDIT_VIEW = re.compile(r"/admin/pages/\d+/edit/$")
PAGE_LISTING = re.compile(r"/admin/pages/\d+/$")


def a_photo(path):
    """A PNG no other image on the site matches, so Wagtail's duplicate check
    stays quiet."""
    noise = Image.frombytes("RGB", (64, 36), os.urandom(64 * 36 * 3))
    noise.resize((960, 540)).save(path)
    return path


def footer_actions(page):
    """The labels of the editor's save and publish menu, opened."""
    page.get_by_role("button", name="More actions").click()
    return page.locator("footer").get_by_role("button").all_inner_texts()


def choose_action(page, name):
    page.locator("footer").get_by_role("button", name=name).click()


def open_for_review(page, title):
    """A moderator opens the article from "Awaiting your review"."""
    page.goto("/admin/")
    review = page.locator(
        "section", has=page.get_by_role("heading", name="Awaiting your review")
    )
    review.get_by_role("link", name=title).click()
    page.wait_for_url(EDIT_VIEW)


def theme_edit_view(site_shell, title):
    theme = site_shell(
        "from research.models import ResearchThemePage as T\n"
        f"print(T.objects.get(title={title!r}).pk)"
    )
    return f"/admin/pages/{theme}/edit/"


def new_article(page, site_shell, title, summary, theme=None):
    news = site_shell(
        "from news.models import NewsIndexPage; print(NewsIndexPage.objects.get().pk)"
    )
    page.goto(f"/admin/pages/{news}/")
    page.get_by_role("link", name="Add child page").first.click()
    page.get_by_placeholder("Page title*").fill(title)
    page.get_by_role("textbox", name="Summary").fill(summary)
    if theme:
        themes = page.locator('[data-contentpath="themes"]')
        themes.get_by_role("checkbox", name=theme, exact=True).check()


def test_an_editor_builds_and_publishes_a_research_theme(
    sign_in, new_page, screenshot, site_shell, tmp_path
):
    title, alt = "Cell Signalling", "A researcher pipettes samples at a lab bench"
    page = sign_in("eddie")
    page.goto("/admin/pages/")
    for section in ("Birmingham Health Partners", "Our research"):
        page.get_by_role("link", name=f"Explore child pages of '{section}'").click()
    page.get_by_role("link", name="Add child page").first.click()
    page.get_by_placeholder("Page title*").fill(title)
    page.get_by_role("textbox", name="Summary").fill("How cells talk to each other.")

    body = page.locator("#panel-child-content-body-section")
    body.get_by_title("Insert a block").last.click()
    page.locator(".w-combobox__option-row", has_text="Key facts").get_by_role(
        "button", name="Preview"
    ).click()
    # The preview pane shows the block as visitors see it, and what it is for.
    described = page.get_by_text("A row of headline figures, each with its source.")
    expect(described).to_be_visible()
    screenshot(page, "block-chooser")
    page.get_by_role("option", name="Rich text").click()
    body.locator("[contenteditable=true]").first.click()
    page.keyboard.type("Our laboratory studies how cells talk to each other.")

    body.get_by_title("Insert a block").last.click()
    page.get_by_role("option", name="Image").click()
    body.get_by_role("button", name="Choose an image").click()
    upload = page.locator(".modal-dialog")
    upload.get_by_role("tab", name="Upload").click()
    upload.get_by_label("File").set_input_files(a_photo(tmp_path / "bench.png"))
    # The title is filled in from the file name; the editor then replaces it.
    expect(upload.get_by_label("Title")).to_have_value("bench")
    upload.get_by_label("Title").fill("Lab bench")
    upload.get_by_label("Description").fill(alt)
    screenshot(page, "image-upload")
    upload.get_by_role("button", name="Upload").click()
    expect(upload).to_be_hidden()
    expect(body.locator(".chooser__title")).to_have_text("Lab bench")

    # Before publishing, the editor sees the page as visitors will, and what
    # the content checks make of it.
    page.get_by_role("button", name="Toggle preview").click()
    preview = page.frame_locator("iframe#w-preview-iframe")
    expect(preview.locator("h1")).to_have_text(title)
    expect(preview.get_by_text("Our laboratory studies how cells")).to_be_visible()
    expect(preview.get_by_alt_text(alt)).to_be_visible()
    screenshot(page, "preview")
    page.get_by_role("button", name="Toggle checks").click()
    expect(page.get_by_text("Issues found")).to_be_visible()
    screenshot(page, "checks")

    assert "Publish" in footer_actions(page)
    choose_action(page, "Publish")
    page.wait_for_url(PAGE_LISTING)
    expect(page.locator(".messages")).to_contain_text(
        f"'{title}' created and published"
    )

    assert (
        site_shell(
            "from research.models import ResearchThemePage as T\n"
            f"t = T.objects.get(title={title!r}); print(t.live, t.owner.username)"
        )
        == "True eddie"
    )
    visitor = new_page()
    visitor.goto("/research/")
    visitor.get_by_role("link", name=title).click()
    expect(visitor.locator("h1")).to_have_text(title)
    photo = visitor.get_by_alt_text(alt)
    expect(photo).to_be_visible()
    # The image loads lazily: decode() waits for it and fails if it is broken.
    photo.scroll_into_view_if_needed()
    assert photo.evaluate("img => img.decode().then(() => img.naturalWidth)") > 0
    screenshot(visitor, "published")


def test_a_news_article_goes_through_sign_off_before_it_is_public(
    sign_in, new_page, screenshot, live_site, site_shell
):
    title = "Trial of a new asthma inhaler reports first results"
    slug = slugify(title)
    # Visitors have seen these pages before: the page cache must not hide the
    # article once it is published.
    for path in ("/news/", "/research/clinical-trials/"):
        status, html = live_site.fetch(path)
        assert status == 200 and title not in html

    author = sign_in("carla")
    new_article(author, site_shell, title, "First results.", theme="Clinical Trials")
    actions = footer_actions(author)
    assert "Submit to News sign-off" in actions
    assert not any("Publish" in action for action in actions)
    screenshot(author, "submit")
    choose_action(author, "Submit to News sign-off")
    author.wait_for_url(PAGE_LISTING)
    assert (
        site_shell(
            "from news.models import NewsArticlePage as A\n"
            f"a = A.objects.get(title={title!r})\n"
            "print(a.live, a.current_workflow_state.status)"
        )
        == "False in_progress"
    )
    assert live_site.fetch(f"/news/{slug}/")[0] == 404

    moderator = sign_in("mona")
    screenshot(moderator, "moderator-dashboard")
    open_for_review(moderator, title)
    footer_actions(moderator)
    choose_action(moderator, "Request changes")
    dialog = moderator.locator(".modal-dialog")
    dialog.get_by_label("Comment").fill("Please name the trial's funder.")
    screenshot(moderator, "request-changes")
    dialog.get_by_role("button", name="Request changes").click()
    moderator.wait_for_url(PAGE_LISTING)

    author.goto("/admin/")
    workflow = author.locator(
        "section", has=author.get_by_role("heading", name="in a workflow")
    )
    expect(workflow.get_by_role("row", name=title)).to_contain_text("Changes requested")
    workflow.get_by_role("link", name=title).click()
    author.wait_for_url(EDIT_VIEW)
    author.get_by_role("button", name="Toggle status").click()
    expect(author.get_by_text("Changes requested").first).to_be_visible()
    screenshot(author, "changes-requested")
    assert (
        site_shell(
            "from wagtail.models import TaskState\n"
            "print(TaskState.objects.get(status='rejected').comment)"
        )
        == "Please name the trial's funder."
    )
    author.get_by_role("textbox", name="Summary").fill(
        "First results of the NIHR-funded trial."
    )
    assert not any("Publish" in action for action in footer_actions(author))
    choose_action(author, "Resubmit to Moderator sign-off")
    author.wait_for_url(PAGE_LISTING)

    open_for_review(moderator, title)
    footer_actions(moderator)
    choose_action(moderator, "Approve and Publish")
    moderator.wait_for_url(PAGE_LISTING)

    assert (
        site_shell(
            "from news.models import NewsArticlePage as A\n"
            f"a = A.objects.get(title={title!r})\n"
            "print(a.live, a.summary, [t.title for t in a.themes.all()])"
        )
        == "True First results of the NIHR-funded trial. ['Clinical Trials']"
    )
    visitor = new_page()
    visitor.goto("/news/")
    expect(visitor.get_by_role("link", name=title)).to_be_visible()
    screenshot(visitor, "on-news")
    visitor.goto("/research/clinical-trials/")
    expect(visitor.get_by_role("link", name=title)).to_be_visible()
    status, feed = live_site.fetch("/news/feed/")
    assert status == 200 and f"<title>{title}</title>" in feed
    visitor.goto(f"/search/?q={title}")
    expect(visitor.get_by_role("link", name=title)).to_be_visible()


def test_a_scheduled_article_stays_hidden_until_publish_scheduled_runs(
    sign_in, screenshot, live_site, site_shell
):
    title = "Embargoed: new centre for rare disease research"
    path = f"/news/{slugify(title)}/"
    go_live = datetime.datetime.now(ZoneInfo("Europe/London")).replace(
        second=0, microsecond=0
    ) + datetime.timedelta(hours=2)

    author = sign_in("carla")
    new_article(author, site_shell, title, "Under embargo until the announcement.")
    author.get_by_role("button", name="Toggle status").click()
    author.get_by_role("button", name="Set schedule").click()
    schedule = author.get_by_role("dialog", name="Set publishing schedule")
    go_live_field = schedule.get_by_label("Go live date/time")
    go_live_field.click()
    go_live_field.fill(go_live.strftime("%Y-%m-%d %H:%M"))
    screenshot(author, "schedule")
    # The date picker is open beside the fields; it must not cover the button,
    # so a plain click (which checks what receives it) reaches it.
    schedule.get_by_role("button", name="Save schedule").click()
    footer_actions(author)
    choose_action(author, "Submit to News sign-off")
    author.wait_for_url(PAGE_LISTING)

    moderator = sign_in("mona")
    open_for_review(moderator, title)
    assert "Schedule to publish" in footer_actions(moderator)
    choose_action(moderator, "Approve and Publish")
    moderator.wait_for_url(PAGE_LISTING)
    moderator.goto("/admin/")
    scheduled = moderator.locator(
        "section", has=moderator.get_by_role("heading", name="Scheduled")
    )
    expect(scheduled.get_by_role("row", name=title)).to_contain_text("Goes live")
    screenshot(moderator, "dashboard")

    state = (
        "from wagtail.models import Revision\n"
        "from news.models import NewsArticlePage as A\n"
        f"a = A.objects.get(title={title!r})\n"
        "r = Revision.page_revisions.get(object_id=str(a.pk),"
        " approved_go_live_at__isnull=False)\n"
    )
    assert site_shell(state + "print(a.live, r.approved_go_live_at.isoformat())") == (
        f"False {go_live.astimezone(datetime.UTC).isoformat()}"
    )
    live_site.manage("publish_scheduled")
    assert live_site.fetch(path)[0] == 404
    assert title not in live_site.fetch("/news/")[1]

    # The go-live time comes: moved into the past rather than waited for.
    site_shell(
        state + "from django.utils import timezone\n"
        "past = timezone.now() - timezone.timedelta(minutes=1)\n"
        "r.content['go_live_at'] = past.isoformat(); r.approved_go_live_at = past\n"
        "r.save(update_fields=['content', 'approved_go_live_at'])\n"
        "A.objects.filter(pk=a.pk).update(go_live_at=past)\n"
    )
    assert live_site.fetch(path)[0] == 404
    live_site.manage("publish_scheduled")
    status, html = live_site.fetch(path)
    assert status == 200 and title in html
    assert title in live_site.fetch("/news/")[1]


def test_the_comms_team_is_refused_the_research_theme_editor(
    sign_in, screenshot, site_shell
):
    page = sign_in("carla")
    page.goto(theme_edit_view(site_shell, "Cancer"))
    expect(page.locator(".messages")).to_contain_text(
        "you do not have permission to access this area"
    )
    assert page.locator("form#page-edit-form").count() == 0
    screenshot(page, "refused")
