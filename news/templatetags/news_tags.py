"""News for other apps' templates, and an article's metadata for search
engines and social networks."""

from django import template
from django.templatetags.static import static
from django.utils import timezone
from django.utils.html import format_html, format_html_join

from bhp_portal.core import seo
from bhp_portal.core.visibility import live_and_public
from news.models import NewsArticlePage, NewsIndexPage

register = template.Library()


@register.inclusion_tag("news/includes/latest_news.html", takes_context=True)
def latest_news(context):
    """The latest news and a link to all of it, for a page with no relation
    of its own to the articles (the home page): `{% latest_news %}`. A theme
    or partner page lists its own through `news_articles.newest()`."""
    index = live_and_public(NewsIndexPage.objects).first()
    request = context.get("request")
    return {
        "articles": NewsArticlePage.objects.child_of(index).newest() if index else [],
        "index_url": index.get_url(request) if index else "",
        "request": request,
    }


def author_ld(author, request):
    """An author as schema.org Person, with their page when it is live."""
    data = {"@type": "Person", "name": author.name}
    if author.person and author.person.live:
        data["url"] = author.person.get_full_url(request)
    return data


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
