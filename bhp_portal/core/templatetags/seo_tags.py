from django import template

from .. import navigation, seo

register = template.Library()


@register.inclusion_tag("components/page_meta.html", takes_context=True)
def page_meta(context):
    """Description, canonical address, Open Graph, Twitter card and
    BreadcrumbList JSON-LD for the page being rendered."""
    page, request = context.get("page"), context.get("request")
    if page is None or request is None or not hasattr(page, "get_meta_description"):
        return {}
    image = seo.social_image(page, request)
    crumbs = navigation.breadcrumbs(page) if page.depth > 2 else []
    return {
        "site_name": seo.SITE_NAME,
        "title": page.seo_title or page.title,
        "description": page.get_meta_description(),
        "url": page.get_full_url(request),
        "og_type": getattr(page, "og_type", "website"),
        "image_url": seo.absolute_rendition_url(image, request) if image else "",
        "image_alt": image.default_alt_text if image else "",
        "breadcrumbs": seo.json_ld_script(seo.breadcrumb_list(crumbs, request))
        if crumbs
        else "",
    }


@register.simple_tag
def json_ld(data):
    """A schema.org JSON-LD script element: `{% json_ld data %}`."""
    return seo.json_ld_script(data)
