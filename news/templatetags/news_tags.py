"""News for other apps' templates, and an article's metadata for search
engines and social networks."""

import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.templatetags.static import static
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

from bhp_portal.core.visibility import live_and_public
from news.models import NewsArticlePage, NewsIndexPage

register = template.Library()

# As django.utils.html.json_script: keeps "</script>" inside JSON harmless.
JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}
SOCIAL_IMAGE_SPEC = "fill-1200x630|format-jpeg"


@register.inclusion_tag("news/includes/latest_news.html", takes_context=True)
def latest_news(context, count=3, theme=None, organisation=None, heading="Latest news"):
    """The newest live articles, optionally about one theme or organisation.

    Usable from any app's templates: `{% latest_news theme=page %}`.
    """
    index = live_and_public(NewsIndexPage.objects).first()
    articles = NewsArticlePage.objects.none()
    if index:
        articles = index.articles()
        if theme is not None:
            articles = articles.filter(themes=theme)
        if organisation is not None:
            articles = articles.filter(organisations=organisation)
    request = context.get("request")
    return {
        "articles": list(articles[:count]),
        "heading": heading,
        "heading_id": "latest-news-heading",
        "index_url": index.get_url(request) if index else "",
        "request": request,
    }


@register.simple_tag(takes_context=True)
def article_metadata(context, page):
    """Open Graph tags and a JSON-LD NewsArticle for one article."""
    request = context["request"]
    url = page.get_full_url(request)
    image = page.get_social_image()
    image_url = ""
    if image:
        image_url = request.build_absolute_uri(
            image.get_rendition(SOCIAL_IMAGE_SPEC).url
        )
    published = page.date.isoformat()
    modified = (
        timezone.localtime(page.last_published_at).isoformat()
        if page.last_published_at
        else published
    )
    description = page.get_meta_description()
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": page.seo_title or page.title,
        "description": description,
        "url": url,
        "mainEntityOfPage": url,
        "datePublished": published,
        "dateModified": modified,
        "image": [image_url] if image_url else [],
        "author": [{"@type": "Person", "name": a.name} for a in page.authors.all()]
        or [{"@type": "Organization", "name": "Birmingham Health Partners"}],
        "publisher": {
            "@type": "Organization",
            "name": "Birmingham Health Partners",
            "logo": {
                "@type": "ImageObject",
                "url": request.build_absolute_uri(static("img/bhp-logo.svg")),
            },
        },
        "articleSection": page.get_article_type_display(),
        "keywords": [tag.name for tag in page.tags.all()],
    }
    tags = [
        ("og:type", "article"),
        ("og:title", page.seo_title or page.title),
        ("og:url", url),
        ("og:description", description),
        ("og:site_name", "Birmingham Health Partners"),
        ("og:locale", "en_GB"),
        ("og:image", image_url),
        ("og:image:alt", image.default_alt_text if image else ""),
        ("article:published_time", published),
        ("article:modified_time", modified),
        ("article:section", page.get_article_type_display()),
    ]
    meta = format_html_join(
        "",
        '\n  <meta property="{}" content="{}">',
        ((name, value) for name, value in tags if value),
    )
    json_ld = json.dumps(data, cls=DjangoJSONEncoder).translate(JSON_SCRIPT_ESCAPES)
    return meta + format_html(
        '\n  <script type="application/ld+json">{}</script>',
        mark_safe(json_ld),  # noqa: S308  # nosec B308 B703 (escaped above)
    )
