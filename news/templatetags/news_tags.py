"""News and events for other apps' templates, and an article's or event's
metadata for search engines and social networks."""

from django import template
from django.templatetags.static import static
from django.utils import timezone
from django.utils.html import format_html, format_html_join

from bhp_portal.core import seo
from news.models import Attendance, EventPage, EventStatus, NewsArticlePage
from news.models.pages import in_live_section, parent_url

register = template.Library()


@register.inclusion_tag("news/includes/latest_news.html", takes_context=True)
def latest_news(context):
    """The latest news and a link to all of it, for a page with no relation
    of its own to the articles (the home page): `{% latest_news %}`. A theme
    or partner page lists its own through `news_articles.newest()`."""
    articles = list(in_live_section(NewsArticlePage.objects.all()).newest())
    return listing_with_index_url(context, articles=articles)


def listing_with_index_url(context, **listing):
    """A home page section's context: its pages and the address of their
    index (from the first page: no query for the index)."""
    request = context.get("request")
    (pages,) = listing.values()
    return {
        **listing,
        "index_url": parent_url(pages[0], request) if pages else "",
        "request": request,
    }


def author_ld(author, request):
    """An author as schema.org Person, with their page when it is live."""
    data = {"@type": "Person", "name": author.name}
    if author.person and author.person.live:
        data["url"] = author.person.get_full_url(request)
    return data


@register.inclusion_tag("news/includes/next_events.html", takes_context=True)
def next_events(context):
    """The next few events and a link to all of them, for a page with no
    relation of its own to events (the home page): `{% next_events %}`. A
    theme lists its own through `events.next_events()`."""
    events = list(in_live_section(EventPage.objects.all()).next_events())
    return listing_with_index_url(context, events=events)


@register.simple_tag(takes_context=True)
def article_metadata(context, page, authors, tags):
    """Open Graph article tags and a JSON-LD NewsArticle for one article; the
    page-wide tags come from core's page_meta. `authors` and `tags` are the
    lists the article's body shows, so they are read once."""
    request = context["request"]
    url = page.get_full_url(request)
    image = page.get_social_image()
    published = page.date.isoformat()
    modified = (
        timezone.localtime(page.last_published_at).isoformat()
        if page.last_published_at
        else published
    )
    publisher = {
        "@type": "Organization",
        "name": seo.SITE_NAME,
        "logo": {
            "@type": "ImageObject",
            "url": request.build_absolute_uri(static("img/bhp-logo.svg")),
        },
    }
    data = {
        "@type": "NewsArticle",
        "headline": page.seo_title or page.title,
        "description": page.get_meta_description(),
        "url": url,
        "mainEntityOfPage": url,
        "datePublished": published,
        "dateModified": modified,
        "image": [seo.absolute_rendition_url(image, request)] if image else [],
        "author": [author_ld(author, request) for author in authors]
        or [{"@type": "Organization", "name": seo.SITE_NAME}],
        "publisher": publisher,
        "articleSection": page.get_article_type_display(),
        "keywords": [tag.name for tag in tags],
    }
    open_graph = [
        ("article:published_time", published),
        ("article:modified_time", modified),
        ("article:section", page.get_article_type_display()),
    ]
    meta = format_html_join("", '\n  <meta property="{}" content="{}">', open_graph)
    return meta + format_html("\n  {}", seo.json_ld_script(data))


EVENT_STATUS = {
    EventStatus.SCHEDULED: "EventScheduled",
    EventStatus.CANCELLED: "EventCancelled",
    EventStatus.POSTPONED: "EventPostponed",
    EventStatus.MOVED_ONLINE: "EventMovedOnline",
}
ATTENDANCE_MODE = {
    Attendance.IN_PERSON: "OfflineEventAttendanceMode",
    Attendance.ONLINE: "OnlineEventAttendanceMode",
    Attendance.MIXED: "MixedEventAttendanceMode",
}


def event_locations(page, url):
    """A Place for the venue, a VirtualLocation for joining online (its link
    only where the editor made it public; otherwise the event's page)."""
    locations = []
    if page.is_in_person:
        locations.append(
            {
                "@type": "Place",
                "name": page.venue_name or page.venue_address.splitlines()[0],
                "address": ", ".join(
                    line.strip() for line in page.venue_address.splitlines()
                ),
            }
        )
    if page.is_online:
        locations.append(
            {"@type": "VirtualLocation", "url": page.public_online_link or url}
        )
    return locations


@register.simple_tag(takes_context=True)
def event_metadata(context, page, speakers=()):
    """A JSON-LD Event for one event; `speakers` are its performers."""
    request = context["request"]
    url = page.get_full_url(request)
    image = page.get_social_image()
    mode = (
        "OnlineEventAttendanceMode"
        if page.status == EventStatus.MOVED_ONLINE
        else ATTENDANCE_MODE[page.attendance]
    )
    start, end = page.local_start, page.local_end
    data = {
        "@type": "Event",
        "name": page.title,
        "description": page.get_meta_description(),
        "url": url,
        "startDate": start.date().isoformat() if page.all_day else start.isoformat(),
        "endDate": end.date().isoformat() if page.all_day else end.isoformat(),
        "eventStatus": f"https://schema.org/{EVENT_STATUS[page.status]}",
        "eventAttendanceMode": f"https://schema.org/{mode}",
        "location": event_locations(page, url),
        "organizer": {
            "@type": "Organization",
            "name": seo.SITE_NAME,
            "url": (request.build_absolute_uri("/")),
        },
        "image": [seo.absolute_rendition_url(image, request)] if image else [],
    }
    if speakers:
        data["performer"] = [
            {
                "@type": "Person",
                "name": speaker.title,
                "url": speaker.get_full_url(request),
            }
            for speaker in speakers
        ]
    return seo.json_ld_script(data)
