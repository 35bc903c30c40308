"""Demo content for the site-wide pages, and the helpers every app's demo
module uses. Facts come from BHP's own pages; the words are ours.

Every helper finds what exists before it creates anything, so loading twice
changes nothing and never overwrites what an editor has since changed.
"""

import io

from django.core.files.images import ImageFile

from .factories import ContactFormPageFactory, HomePageFactory, StandardPageFactory
from .illustrations import illustration, wordmark
from .models import (
    ContactFormField,
    CustomImage,
    HomePage,
    HomePageKeyFact,
    KeyFact,
    SiteSettings,
)

# The University of Birmingham press office, as BHP's own pages give it.
MEDIA_PHONE = "+44 (0)121 414 6681"
MEDIA_OUT_OF_HOURS_PHONE = "+44 (0)7789 921 165"


def ensure_page(factory, parent, slug, **fields):
    """The child of `parent` with `slug`, created and published if missing."""
    existing = parent.get_children().filter(slug=slug).specific().first()
    if existing:
        return existing
    page = factory(parent=parent, slug=slug, **fields)
    page.save_revision().publish()
    return page


def demo_image(title, alt, seed, size=(1600, 900), motif="rings"):
    """An illustration of `motif` (core/illustrations.py) drawn with Pillow
    (no downloads), with alt text. Found by title, so a reload keeps it."""
    return _stored_image(
        title, alt, lambda: illustration(motif, seed, size), f"demo-{seed}.jpg"
    )


def demo_wordmark(title, alt, text, seed, size=(1200, 675)):
    """`text` set as a wordmark on a plain field, where a logo would go."""
    return _stored_image(
        title, alt, lambda: wordmark(text, seed, size), f"wordmark-{seed}.jpg"
    )


def _stored_image(title, alt, draw, filename):
    existing = CustomImage.objects.filter(title=title).first()
    if existing:
        return existing
    buffer = io.BytesIO()
    draw().save(buffer, format="JPEG", quality=82)
    return CustomImage.objects.create(
        title=title, description=alt, file=ImageFile(buffer, name=filename)
    )


def ensure_key_fact(label, **fields):
    fact, _ = KeyFact.objects.get_or_create(label=label, defaults=fields)
    return fact


def paragraphs(*texts):
    return "".join(f"<p>{text}</p>" for text in texts)


def home_page():
    return HomePage.objects.get()


# --- Site-wide content ----------------------------------------------------


KEY_FACTS = {
    "catchment": {
        "figure": "5.5",
        "unit": "million",
        "label": "people in the catchment our partners serve",
        "source_name": "University of Birmingham",
    },
    "qeh_patients": {
        "figure": "800,000",
        "label": "patients seen each year at the Queen Elizabeth Hospital",
        "source_name": "University Hospitals Birmingham",
    },
    "beds": {
        "figure": "1,400",
        "label": "beds at University Hospitals Birmingham",
        "source_name": "University Hospitals Birmingham",
    },
    "critical_care": {
        "figure": "100",
        "unit": "beds",
        "label": "in Europe's largest critical care unit",
        "source_name": "University Hospitals Birmingham",
    },
    "itm_funding": {
        "figure": "£12",
        "unit": "million",
        "label": "of City Deal funding matched for the Institute of Translational Medicine",
        "source_name": "Birmingham City Deal",
    },
    "itm_size": {
        "figure": "6,000",
        "unit": "m²",
        "label": "of research space in the Institute of Translational Medicine",
        "source_name": "Birmingham Health Partners",
    },
}


def load_home():
    if HomePage.objects.exists():
        return HomePage.objects.get()
    hero = demo_image(
        "Partners connected across the city",
        "Illustration of gold points linked to their neighbours in a network, "
        "on deep teal.",
        seed=0,
        motif="network",
    )
    home = HomePageFactory(
        title="Birmingham Health Partners",
        hero_heading="Turning Birmingham's research into better care",
        hero_text="A university and two NHS trusts working as one, so that new "
        "treatments reach patients of every age sooner.",
        hero_image=hero,
        listing_image=hero,
        summary="Birmingham Health Partners joins the University of Birmingham with "
        "the city's adult and children's hospital trusts to speed research into care.",
        introduction=paragraphs(
            "Birmingham Health Partners (BHP) is the alliance of the <b>University of "
            "Birmingham</b>, <b>University Hospitals Birmingham NHS Foundation Trust</b> "
            "and <b>Birmingham Women's and Children's NHS Foundation Trust</b>.",
            "Together we link laboratory science, clinical trials and the care of "
            "millions of patients, from pregnancy and childhood to old age.",
        ),
        key_facts=[
            HomePageKeyFact(key_fact=ensure_key_fact(**KEY_FACTS[key]))
            for key in ("catchment", "qeh_patients", "beds", "critical_care")
        ],
    )
    home.save_revision().publish()
    return home


def load_standard_pages(home):
    about = ensure_page(
        StandardPageFactory,
        home,
        "about",
        title="About BHP",
        show_in_menus=True,
        summary="Who we are, what we aim to do and the population our partners serve.",
        body=[
            (
                "rich_text",
                paragraphs(
                    "Birmingham Health Partners is a strategic alliance. Its founding "
                    "members are the University of Birmingham, University Hospitals "
                    "Birmingham NHS Foundation Trust and Birmingham Women's and Children's "
                    "NHS Foundation Trust, sharing one medical and life sciences campus.",
                    "Our mission is to put the University's research strengths to work "
                    "with the NHS, so that patients get better treatment and care.",
                ),
            ),
            ("heading", {"text": "A population like no other", "level": "h2"}),
            (
                "rich_text",
                paragraphs(
                    "Our partners care for one of Europe's largest and most diverse "
                    "catchments. The Queen Elizabeth Hospital alone sees hundreds of "
                    "thousands of patients every year, and its critical care unit is the "
                    "biggest in Europe.",
                ),
            ),
            (
                "key_facts",
                {
                    "heading": "",
                    "facts": [
                        ensure_key_fact(**KEY_FACTS[key])
                        for key in (
                            "catchment",
                            "qeh_patients",
                            "beds",
                            "critical_care",
                        )
                    ],
                },
            ),
            ("heading", {"text": "What we set out to do", "level": "h2"}),
            (
                "rich_text",
                "<p>In the short term we find, adopt and spread innovation "
                "and good practice by lining up care, research and training. Over the "
                "longer term we aim to:</p><ul>"
                "<li>improve the health care people receive;</li>"
                "<li>strengthen the local economy through jobs and investment in "
                "biomedicine;</li>"
                "<li>help more people understand and take part in clinical research, "
                "including early and late phase trials.</li></ul>",
            ),
            ("heading", {"text": "How we work", "level": "h2"}),
            (
                "rich_text",
                "<ul>"
                "<li>Clinical Academic Groups that bring clinicians and scientists "
                "together around well-described groups of patients.</li>"
                "<li>Shared electronic health records and informatics across the "
                "partners, joined to the University's systems science.</li>"
                "<li>Platforms for genomics, metabolomics and immune profiling, backed "
                "by bioinformatics.</li>"
                "<li>Industry partnerships and training in stratified and personalised "
                "medicine.</li></ul>",
            ),
        ],
    )
    ensure_page(
        StandardPageFactory,
        about,
        "governance",
        title="Governance",
        summary="How the partners steer BHP together through shared governance.",
        body=[
            (
                "rich_text",
                paragraphs(
                    "BHP is run under shared governance: each member has a voice in setting "
                    "priorities, and the partners pool facilities, expertise and access to "
                    "patients to make the most of Birmingham's research groups.",
                    "A director leads the partnership day to day and reports to a board "
                    "drawn from the University and both NHS trusts.",
                ),
            )
        ],
    )
    itm_image = demo_image(
        "Institute of Translational Medicine",
        "Illustration of arrows leading from a laboratory flask to a hospital bed.",
        seed=3,
        motif="bench-to-bedside",
    )
    ensure_page(
        StandardPageFactory,
        home,
        "institute-of-translational-medicine",
        title="Institute of Translational Medicine",
        # Linked from the home and About pages: with the events and the study
        # finder, the main menu would no longer fit one line at 1280 px.
        show_in_menus=False,
        listing_image=itm_image,
        summary="Our engine for turning discoveries in the laboratory into new care "
        "for patients and new business for the region.",
        body=[
            (
                "rich_text",
                paragraphs(
                    "The Institute of Translational Medicine (ITM) was funded in 2012, when "
                    "BHP secured £12 million of matched government funding through the "
                    "Birmingham City Deal. It opened in 2015 with 6,000 square metres of "
                    "space, hosted by University Hospitals Birmingham.",
                ),
            ),
            (
                "key_facts",
                {
                    "heading": "The institute in figures",
                    "facts": [
                        ensure_key_fact(**KEY_FACTS[key])
                        for key in ("itm_funding", "itm_size")
                    ],
                },
            ),
            ("heading", {"text": "Inside the institute", "level": "h2"}),
            (
                "rich_text",
                "<ul>"
                "<li>Clinics for well-characterised groups of patients with common and "
                "rare diseases.</li>"
                "<li>A gateway to clinical trials and a unit for early drug discovery.</li>"
                "<li>Clinical bioinformatics, and a floor for stratified medicine "
                "including genomics and deep immune profiling.</li>"
                "<li>A floor of incubator space for companies.</li>"
                "<li>Training for clinicians, life scientists and allied health "
                "professionals who will be tomorrow's translational researchers.</li>"
                "</ul>",
            ),
            (
                "quote",
                {
                    "quote": "Birmingham is among the very few centres in the world able "
                    "to carry translational medicine all the way round the circle.",
                    "attribution": "Paraphrase of an MRC peer review",
                    "role": "Medical Research Council translational roadmap",
                },
            ),
        ],
    )
    # Before the accessibility statement, which links to it.
    contact = load_contact_page(home)
    accessibility = ensure_page(
        StandardPageFactory,
        home,
        "accessibility",
        title="Accessibility statement",
        summary="How accessible this website is, what we are doing about the parts "
        "that are not, and how to tell us about a problem.",
        body=_accessibility_body(contact),
    )
    privacy = ensure_page(
        StandardPageFactory,
        home,
        "privacy",
        title="Privacy notice",
        summary="What this website records about you (very little) and why.",
        body=[
            (
                "rich_text",
                paragraphs(
                    "This website sets no cookies for visitors and loads no third-party "
                    "scripts, fonts or trackers, so there is no cookie banner to dismiss.",
                    "Where a page shows a video from another site (such as YouTube or "
                    "Vimeo), nothing is loaded from that site until you press its Play "
                    "it here button; that site may then set cookies of its own. You can "
                    "always follow the link to watch it there instead.",
                    "Our web servers keep short-lived technical logs (the address of each "
                    "request, the time and the browser) to keep the service secure. They "
                    "are deleted after 30 days.",
                    "If you send us an enquiry, we use what you give us only to answer it "
                    "and keep it for no longer than two years.",
                    "Staff who sign in to edit the site are given a session cookie that is "
                    "strictly necessary for that purpose.",
                ),
            )
        ],
    )
    return {
        "about": about,
        "accessibility": accessibility,
        "privacy": privacy,
        "contact": contact,
    }


ENQUIRY_FIELDS = [
    {"label": "Your name", "field_type": "singleline", "required": True},
    {"label": "Email address", "field_type": "email", "required": True},
    {
        "label": "Enquiry type",
        "field_type": "radio",
        "required": True,
        "choices": "Press and media\nIndustry and partnerships\nPublic and patients",
        "help_text": "So we can pass your message to the right team.",
    },
    {
        "label": "Organisation",
        "field_type": "singleline",
        "required": False,
        "help_text": "If you are writing for a newspaper, company or charity.",
    },
    {"label": "Your message", "field_type": "multiline", "required": True},
]


def load_contact_page(home):
    return ensure_page(
        ContactFormPageFactory,
        home,
        "contact",
        title="Contact us",
        show_in_menus=True,
        summary="How to reach Birmingham Health Partners: questions from the press, "
        "industry and the public.",
        introduction=paragraphs(
            "Use this form for any question about BHP. Journalists on a deadline "
            f"can also ring the press office on {MEDIA_PHONE}, or on "
            f"{MEDIA_OUT_OF_HOURS_PHONE} out of hours.",
            "We aim to reply within two working days.",
        ),
        thank_you_text=paragraphs(
            "Thank you for getting in touch. A member of the team will reply "
            "within two working days."
        ),
        subject="Website enquiry",
        form_fields=[ContactFormField(**field) for field in ENQUIRY_FIELDS],
    )


def _accessibility_body(contact):
    return [
        (
            "rich_text",
            paragraphs(
                "This statement covers the Birmingham Health Partners website. We want "
                "as many people as possible to be able to use it: to zoom in without "
                "losing content, to use it with a keyboard alone, and to use it with "
                "a screen reader or speech recognition software.",
            ),
        ),
        ("heading", {"text": "Compliance status", "level": "h2"}),
        (
            "rich_text",
            paragraphs(
                "This website is partially compliant with the Web Content "
                "Accessibility Guidelines version 2.2 AA standard, because of the "
                "non-compliance listed below and because it has not yet been tested "
                "by disabled people or with assistive technology.",
            ),
        ),
        ("heading", {"text": "Non-accessible content", "level": "h2"}),
        (
            "rich_text",
            paragraphs(
                "Videos embedded from other sites (such as YouTube) play in those "
                "sites' own players, whose captions and controls we do not control. "
                "Where we have a transcript we link to it beside the video.",
                "Some older PDF documents may not be fully accessible. Ask us and we "
                "will send the content in another format.",
            ),
        ),
        ("heading", {"text": "Reporting a problem", "level": "h2"}),
        (
            "rich_text",
            paragraphs(
                "If you find a problem, or need information in a different format, "
                f'use our <a linktype="page" id="{contact.pk}">contact form</a> and '
                "choose the enquiry type that fits. We will reply within 5 working "
                "days.",
            ),
        ),
        ("heading", {"text": "Enforcement procedure", "level": "h2"}),
        (
            "rich_text",
            paragraphs(
                "The Equality and Human Rights Commission (EHRC) enforces the Public "
                "Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility "
                "Regulations 2018. If you are not happy with how we respond to your "
                'complaint, contact the <a href="https://www.equalityadvisoryservice.com/">'
                "Equality Advisory and Support Service (EASS)</a>.",
            ),
        ),
        ("heading", {"text": "How we tested this website", "level": "h2"}),
        (
            "rich_text",
            paragraphs(
                "Every change to the site is checked automatically in a real browser "
                "(Chromium) before it is released. Every page listed in our sitemap, "
                "plus search results, a filtered news list, the contact form with "
                "errors and the page-not-found page, is checked at phone (375 pixels) "
                "and desktop (1280 pixels) widths with axe-core against WCAG 2.0, 2.1 "
                "and 2.2 A and AA and axe's best practices, and with the Nu HTML "
                "Checker. Both report no failures.",
                "Automated keyboard tests check that the skip link moves focus to the "
                "main content, that the menu opens, moves and closes with the "
                "keyboard, and that focus is visible on every link and control. "
                "Lighthouse scores one page of every page type 100 for "
                "accessibility.",
                "Automated tools find only some accessibility problems. We have not "
                "yet tested the site with screen readers, screen magnifiers or speech "
                "recognition software, or with disabled users.",
            ),
        ),
        ("heading", {"text": "Preparation of this statement", "level": "h2"}),
        (
            "rich_text",
            paragraphs(
                "This statement was prepared on 23 November 2026 and last reviewed on "
                "23 November 2026.",
            ),
        ),
    ]


def load_site_settings(home, pages):
    site = home.get_site()
    site_settings = SiteSettings.for_site(site)
    if site_settings.address:
        return
    site_settings.address = (
        "Birmingham Health Partners\nUniversity of Birmingham\nEdgbaston\n"
        "Birmingham B15 2TT"
    )
    # No public email address: enquiries come through the contact form and are
    # kept under its submissions; journalists ring the press office.
    site_settings.media_phone = MEDIA_PHONE
    site_settings.media_out_of_hours_phone = MEDIA_OUT_OF_HOURS_PHONE
    site_settings.default_social_image = home.hero_image
    site_settings.social_links = [
        ("link", {"platform": "linkedin", "url": "https://www.linkedin.com/"}),
    ]
    site_settings.legal_links = [
        ("link", {"page": pages["accessibility"], "text": "Accessibility statement"}),
        ("link", {"page": pages["privacy"], "text": "Privacy notice"}),
        ("link", {"page": pages["contact"], "text": "Contact us"}),
    ]
    site_settings.save()


def load():
    home = load_home()
    pages = load_standard_pages(home)
    load_site_settings(home, pages)
