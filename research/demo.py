"""Demo content for research: the index and twelve themes, written in our own
words from BHP's public descriptions of its research."""

import datetime

from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Page

from bhp_portal.core.demo import (
    KEY_FACTS,
    demo_image,
    ensure_key_fact,
    ensure_page,
    home_page,
    paragraphs,
)
from bhp_portal.core.images import CARD_RENDITIONS, filter_specs, prerender
from bhp_portal.core.models import HomePageFeaturedPage
from partners.demo import HDRUK_FACTS
from partners.models import HDRUKSitePage, Organisation

from . import demo_studies
from .factories import (
    PeopleIndexPageFactory,
    PersonPageFactory,
    ResearchIndexPageFactory,
    ResearchThemePageFactory,
)
from .models import (
    ResearchThemeKeyFact,
    ResearchThemePage,
    ResearchThemeRelatedTheme,
    RoleKind,
)

UOB = "University of Birmingham"
UHB = "University Hospitals Birmingham NHS Foundation Trust"
BWC = "Birmingham Women's and Children's NHS Foundation Trust"
BWH = "Birmingham Women's Hospital"
AHSN = "West Midlands Academic Health Science Network"

THEME_FACTS = {
    "rare_prevalence": {
        "figure": "1 in 17",
        "label": "people will be affected by a rare disease",
        "source_name": "Birmingham Health Partners",
    },
    "rare_count": {
        "figure": "7,000+",
        "label": "different rare diseases are known",
        "source_name": "Birmingham Health Partners",
    },
    "rare_children": {
        "figure": "50%",
        "label": "of people with a rare disease are children",
        "source_name": "Birmingham Health Partners",
    },
    "west_midlands": {
        "figure": "5.4",
        "unit": "million",
        "label": "people in the West Midlands, a population our trials can reach",
        "source_name": "Birmingham Health Partners",
    },
    "surgical_units": {
        "figure": "1 of 5",
        "label": "national surgical trials units backed by the Royal College of Surgeons",
        "source_name": "Birmingham Health Partners",
    },
    "poorest_city": {
        "figure": "3rd",
        "label": "poorest city in the UK: Birmingham, with wide gaps in health",
        "source_name": "Birmingham Health Partners",
    },
    "arc_term": {
        "figure": "5",
        "unit": "years",
        "label": "of NIHR funding for ARC West Midlands, 2019 to 2024",
        "source_name": "NIHR ARC West Midlands",
        "review_by": datetime.date(2024, 12, 31),
        "owner": "BHP communications",
    },
    "hdruk_award": HDRUK_FACTS["award"],
}


LEAD_CONTACTS = {
    "health-data-science": [
        (
            "contact",
            {
                "name": "Professor Simon Ball",
                "role": "Director of HDR UK Midlands and Director of Digital Healthcare",
                "organisation": UHB,
            },
        )
    ],
}


def unit(name, kind, description, page=None):
    return (
        "unit",
        {"name": name, "kind": kind, "description": description, "page": page},
    )


def text(*paras):
    return [("rich_text", paragraphs(*paras))]


def themes(pages):
    """(slug, title, summary, body, units, partners, facts, related slugs)."""
    return [
        (
            "immunology-and-inflammation",
            "Immunology and Inflammation",
            "From the laboratory to the community, our research on the immune system and inflammation covers every step, including immunotherapy.",
            text(
                "Research into immunity and inflammation is one of Birmingham's oldest strengths. Our work ranges from basic science through trials of new medicines to exercise programmes delivered in the community.",
                "The city has one of the densest concentrations of immunologists and clinicians anywhere, and we are at the forefront of immunotherapy: treatments that turn parts of a patient's own immune system against disease.",
            ),
            [
                unit(
                    "NIHR Birmingham Biomedical Research Centre (BRC) in Inflammation",
                    "centre",
                    "National funding that supports our research into inflammation and moves it towards patients.",
                ),
                unit(
                    "Immunotherapy research",
                    "programme",
                    "Studies of treatments that harness the immune system to fight disease.",
                ),
            ],
            [UOB, UHB],
            [],
            ["cancer", "translational-medicine"],
        ),
        (
            "cancer",
            "Cancer",
            "We study how genetic faults in cancer cells cause disease, and use what we learn to design and test better treatments for adults and children.",
            text(
                "Birmingham has made a distinctive contribution to understanding how genetic changes inside cancer cells drive disease. That knowledge shapes the treatments we design and test with great care, both new ones and established ones used in new ways.",
                "Our genomic science also supports the West Midlands Genomic Medicine Centre, which played a leading part in the national 100,000 Genomes Project.",
            ),
            [
                unit(
                    "Cancer Research UK Clinical Trials Unit",
                    "unit",
                    "One of Europe's foremost cancer trials units, based at the University of Birmingham.",
                ),
                unit(
                    "Birmingham Adult Experimental Cancer Medicine Centre",
                    "centre",
                    "Early-phase trials of new cancer treatments for adults.",
                ),
                unit(
                    "Birmingham Paediatric Experimental Cancer Medicine Centre",
                    "centre",
                    "Early-phase trials that bring new treatments to children with cancer.",
                ),
                unit(
                    "Centre for Clinical Haemato-oncology",
                    "centre",
                    "Speeds new treatments for blood cancers to patients through its trials acceleration programme.",
                ),
                unit(
                    "West Midlands Genomic Medicine Centre",
                    "centre",
                    "The region's genomic medicine centre and a leading contributor to the 100,000 Genomes Project.",
                ),
            ],
            [UOB, UHB, BWC],
            [],
            ["clinical-trials", "immunology-and-inflammation", "rare-diseases"],
        ),
        (
            "clinical-trials",
            "Clinical Trials",
            "Birmingham is one of Europe's largest centres for clinical trials, with units that design and run studies across medicine and surgery.",
            text(
                "BHP has long experience of designing and delivering clinical trials, and Birmingham is now home to one of the biggest clusters of trials expertise in Europe.",
                "Our trials can draw on a population of more than five million people in the West Midlands, with a wide mix of backgrounds and circumstances, so results apply to the patients who will use them.",
            ),
            [
                unit(
                    "Birmingham Clinical Trials Unit (BCTU)",
                    "unit",
                    "Designs and runs trials across many areas of medicine and surgery.",
                ),
                unit(
                    "Cancer Research UK Clinical Trials Unit (CR-CTU)",
                    "unit",
                    "Runs cancer trials from first-in-human studies to large national trials.",
                ),
                unit(
                    "Birmingham Surgical Trials Consortium (BiSTC)",
                    "network",
                    "A partnership including BCTU and one of five national surgical trials units backed by the Royal College of Surgeons.",
                ),
            ],
            [UOB, UHB],
            ["west_midlands", "surgical_units"],
            ["cancer", "patient-safety"],
        ),
        (
            "maternal-health",
            "Maternal Health",
            "Research to improve the health and care of women and babies through pregnancy, birth and afterwards, in the UK and worldwide, including the national centre for miscarriage research.",
            text(
                "Our maternal health research runs from cohort studies that find risk factors, through randomised trials of promising interventions, to systematic reviews and qualitative work.",
                "Topics include problems linked to childbirth, care before and after birth, maternity care in deprived communities, the role of lay health workers, postnatal depression, incontinence, breastfeeding, and maternal health in low-income countries.",
            ),
            [
                unit(
                    "Tommy's National Centre for Miscarriage Research",
                    "centre",
                    "Europe's largest miscarriage research centre, with Birmingham as its lead centre.",
                ),
            ],
            [UOB, BWC, BWH],
            [],
            ["rare-diseases", "patient-safety"],
        ),
        (
            "rare-diseases",
            "Rare Diseases",
            "Each rare disease is uncommon, but together they touch about one person in seventeen. Our centres bring research to children and adults alike.",
            text(
                "A disease counts as rare when it affects fewer than one person in 2,000. Yet there are so many rare diseases that, taken together, they are common: half of those affected are children, and for more than half there is no cure or specific treatment.",
                "Through BHP and the regional academic health science network, Birmingham's health services and universities have invested together in turning rare disease research into care.",
                "Genomic testing, through the West Midlands Genomic Medicine Centre, ends the search for a diagnosis for many families who have waited years for an answer.",
            ),
            [
                unit(
                    "Paediatric Centre for Rare Diseases",
                    "centre",
                    "Research and specialist care for children with rare conditions.",
                ),
                unit(
                    "Adult Centre for Rare Diseases",
                    "centre",
                    "Research and specialist care for adults, so patients are followed beyond childhood.",
                ),
                unit(
                    "West Midlands Regional Genetics Service",
                    "unit",
                    "Genetic testing and expertise at Birmingham Women's Hospital that underpin both centres.",
                ),
            ],
            [UOB, BWC, BWH, UHB, AHSN],
            ["rare_prevalence", "rare_count", "rare_children"],
            ["cancer", "maternal-health"],
        ),
        (
            "health-inequalities",
            "Health Inequalities",
            "Birmingham is a world in one city, and one with wide gaps in health. Our research works to close them, with every community taking part.",
            text(
                "Birmingham's people reflect the world's population in their ethnic and social diversity, but the city is also among the poorest in the UK and faces large differences in health between groups.",
                "Researchers from the University and its BHP partners study these avoidable and unfair differences: how ethnic diversity relates to wellbeing and health, how questions of mental capacity play out in the daily lives of people with intellectual disabilities, and how law reform affects health.",
            ),
            [
                unit(
                    "STANDING Together",
                    "programme",
                    "An international initiative led by UHB and the University that has set standards so medical AI is built on health data representing everyone it will serve.",
                ),
            ],
            [UOB, UHB],
            ["poorest_city"],
            ["mental-health", "health-data-science"],
        ),
        (
            "mental-health",
            "Mental Health",
            "We are building the capacity for faster mental health research in the Midlands, starting with early psychosis and depression that resists treatment.",
            text(
                "Mental health research needs data, facilities and partners working together. Our translational centre is building digital registries, drawing on the region's leadership and facilities, and forming new partnerships with industry.",
            ),
            [
                unit(
                    "Mental Health Mission Midlands Translational Centre",
                    "centre",
                    "Develops precise new interventions, first for early psychosis and for treatment-resistant depression.",
                ),
            ],
            [UOB],
            [],
            ["health-inequalities", "applied-health-research"],
        ),
        (
            "patient-safety",
            "Patient Safety",
            "Research to make care safer, especially in emergency and acute care and in maternity services.",
            text(
                "NIHR Patient Safety Research Collaborations join universities and NHS trusts to study how care can be made safer. University Hospitals Birmingham hosts the collaboration for the Midlands.",
            ),
            [
                unit(
                    "NIHR Midlands Patient Safety Research Collaboration",
                    "network",
                    "Hosted by UHB; develops safe practice in emergency and acute care and in maternity care, and helps it take hold.",
                ),
            ],
            [UHB, UOB],
            [],
            ["clinical-trials", "maternal-health"],
        ),
        (
            "applied-health-research",
            "Applied Health Research",
            "Research that answers questions raised by health and care services themselves, carried out in partnership across the West Midlands.",
            [
                *text(
                    "Much of our applied research starts with people working in services, including public health and primary care teams, who point to the questions whose answers would help patients most.",
                    "The NIHR Applied Research Collaboration West Midlands was funded for five years from 2019 to build lasting partnerships between health and social care organisations and universities and to improve services across the region.",
                ),
                ("heading", {"text": "The collaboration's themes", "level": "h2"}),
                (
                    "rich_text",
                    "<p>Four main themes:</p><ul><li>long-term conditions</li><li>where acute care meets other services</li><li>integrated care for young people's mental health</li><li>maternity services</li></ul>"
                    "<p>Four themes that run through all of them:</p><ul><li>organisational science</li><li>research methods, rapid response and informatics</li><li>public health</li><li>social care</li></ul>",
                ),
            ],
            [
                unit(
                    "NIHR Applied Research Collaboration West Midlands",
                    "network",
                    "A partnership of care organisations and universities working to improve services across the region.",
                ),
            ],
            [UOB],
            ["arc_term"],
            ["mental-health", "health-inequalities"],
        ),
        (
            "health-data-science",
            "Health Data Science",
            "BHP leads the Midlands site of Health Data Research UK, using data from a digital NHS to improve diagnosis and treatment.",
            text(
                "Birmingham Health Partners leads HDR UK Midlands, one of the six sites of Health Data Research UK. The site joins the Universities of Birmingham, Leicester, Nottingham and Warwick with University Hospitals Birmingham.",
                "It builds on the digital environment UHB has developed, to take on questions that can only be answered with data from a digital NHS, and to improve diagnosis, prognosis and personalised treatment for patients in the region and beyond.",
            ),
            [
                unit(
                    "HDR UK Midlands",
                    "network",
                    "One of the six Health Data Research UK sites, led by BHP.",
                    pages.get("hdruk_midlands"),
                ),
            ],
            [
                UOB,
                UHB,
                "University of Leicester",
                "University of Nottingham",
                "University of Warwick",
            ],
            ["hdruk_award"],
            ["clinical-informatics", "health-inequalities"],
        ),
        (
            "translational-medicine",
            "Translational Medicine",
            "Carrying discoveries from the laboratory into new care for patients and new business for the region, through the Institute of Translational Medicine.",
            text(
                "Translational medicine turns discoveries into treatments. BHP's Institute of Translational Medicine, funded through the Birmingham City Deal, brings patient clinics, trials support, early drug discovery, genomics and deep immune profiling under one roof.",
                "Detailed clinical data from UHB's electronic records can be mapped against genetic and other measurements, which lets us study how diseases work and tailor treatment to groups of patients.",
            ),
            [
                unit(
                    "Institute of Translational Medicine",
                    "centre",
                    "BHP's building for translational research, with space for patients, researchers and companies.",
                    pages.get("itm"),
                ),
            ],
            [UHB, UOB],
            ["itm_funding", "itm_size"],
            ["immunology-and-inflammation", "clinical-informatics"],
        ),
        (
            "clinical-informatics",
            "Clinical Informatics",
            "A world-leading informatics platform that links genetic, clinical and outcome data on well-described groups of patients.",
            text(
                "Birmingham's clinical informatics platform gathers richly described data on groups of patients: biological data such as genetics and metabolomics, clinical data such as diagnoses, other conditions and treatments, and outcomes reported by patients themselves.",
                "IT systems that let the NHS share patient data safely between organisations complete the picture. The University's Centre for Computational Biology leads the academic work.",
            ),
            [
                unit(
                    "Centre for Computational Biology",
                    "centre",
                    "The University of Birmingham centre that leads our informatics research.",
                ),
                unit(
                    "UHB electronic medical record",
                    "programme",
                    "One of the most complete hospital records anywhere, covering hundreds of thousands of adult patients each year.",
                ),
            ],
            [UHB, UOB],
            ["qeh_patients"],
            ["health-data-science", "translational-medicine"],
        ),
    ]


# Each theme's illustration shows something of its subject (core/illustrations.py).
THEME_MOTIFS = {
    "immunology-and-inflammation": ("antibodies", "Y-shaped antibodies drifting among round cells"),
    "cancer": ("cell-division", "cells dividing in two, each with its chromosomes"),
    "clinical-trials": ("trial-grid", "rows of ticked checkboxes beside a rising chart"),
    "maternal-health": ("nested-arcs", "arcs nested one inside another"),
    "rare-diseases": ("one-among-many", "a field of small dots with one large dot standing apart"),
    "health-inequalities": ("uneven-bars", "bars of very uneven heights"),
    "mental-health": ("flowing-lines", "gently flowing lines that drift and cross"),
    "patient-safety": ("shield", "a shield with a tick, ringed by smaller shields"),
    "applied-health-research": ("network", "points linked to their neighbours in a network"),
    "health-data-science": ("scatter", "data points scattered around a trend line"),
    "translational-medicine": ("bench-to-bedside", "arrows leading from a laboratory flask to a hospital bed"),
    "clinical-informatics": ("circuit", "circuit traces between pads on a grid"),
}  # fmt: skip


def theme_images():
    """One illustration per theme, by slug, whose motif suits its subject.
    Each costs renditions in three formats, made ahead by the task queue."""
    images = {
        slug: demo_image(
            f"Research theme illustration: {slug}",
            f"Illustration of {description}.",
            seed=60 + n,
            size=(1200, 675),
            motif=motif,
        )
        for n, (slug, (motif, description)) in enumerate(THEME_MOTIFS.items())
    }
    prerender(images.values(), *CARD_RENDITIONS, *filter_specs("banner"))
    return images


def load_themes(home):
    images = theme_images()
    is_new = not home.get_children().filter(slug="research").exists()
    index = ensure_page(
        ResearchIndexPageFactory,
        home,
        "research",
        title="Our research",
        show_in_menus=True,
        listing_image=images["applied-health-research"],
        summary="Twelve themes where the University and our NHS partners work "
        "together, from the laboratory to the ward and the community.",
    )
    if is_new:
        place_before_partners(home, index)
    organisations = {org.name: org for org in Organisation.objects.all()}
    pages = {
        "hdruk_midlands": HDRUKSitePage.objects.filter(region="Midlands").first(),
        "itm": Page.objects.filter(slug="institute-of-translational-medicine").first(),
    }
    created = {}
    theme_data = themes(pages)
    for slug, title, summary, body, units, partners, facts, _ in theme_data:
        picture = images[slug]
        created[slug] = ensure_page(
            ResearchThemePageFactory,
            index,
            slug,
            title=title,
            summary=summary,
            listing_image=picture,
            hero_image=picture,
            body=body,
            units=units,
            lead_contacts=LEAD_CONTACTS.get(slug, []),
            partner_links=ResearchThemePageFactory.partners_for(
                organisations[name] for name in partners
            ),
            key_facts=[
                ResearchThemeKeyFact(
                    key_fact=ensure_key_fact(
                        **(THEME_FACTS.get(key) or KEY_FACTS[key])
                    ),
                    sort_order=i,
                )
                for i, key in enumerate(facts)
            ],
        )
    link_related_themes(created, theme_data)
    return index, created


def place_before_partners(home, index):
    """Research comes first in the menu, ahead of the partner pages that were
    created before it."""
    partners = home.get_children().filter(slug="partners").first()
    if partners:
        index.move(partners, pos="left")


def link_related_themes(created, theme_data):
    """Related themes point at each other, so they are added once all exist."""
    for slug, *_, related in theme_data:
        page = created[slug]
        if page.related_theme_links.exists():
            continue
        page.related_theme_links = [
            ResearchThemeRelatedTheme(theme=created[other], sort_order=i)
            for i, other in enumerate(related)
        ]
        # Saved first, so the revision names the rows by id and publishing
        # keeps them: rows it replaced would leave the reference index's
        # queued updates looking for rows that no longer exist.
        page.save()
        page.save_revision().publish()


def feature_on_home(home, themes_by_slug):
    if home.featured_pages.exists():
        return
    home.featured_pages = [
        HomePageFeaturedPage(featured=themes_by_slug[slug], sort_order=i)
        for i, slug in enumerate(
            ("immunology-and-inflammation", "cancer", "rare-diseases")
        )
    ]
    home.save_revision().publish()


# Searches where a visitor most likely wants a theme rather than a news story
# that shares a word with it: editors' promotions (Settings > Promoted search
# results), as the comms team would set them.
PROMOTIONS = {
    "miscarriage": (
        "maternal-health",
        "Our research on pregnancy loss, including Tommy's National Centre for "
        "Miscarriage Research.",
    ),
}


def load_promotions():
    for query_string, (slug, description) in PROMOTIONS.items():
        query = Query.get(query_string)
        theme = ResearchThemePage.objects.get(slug=slug)
        SearchPromotion.objects.get_or_create(
            query=query, page=theme, defaults={"description": description}
        )


HDRUK = "Health Data Research UK"

# Only the people BHP's own announcements name, with the posts they give; no
# photographs, ORCID iDs or biographies are made up for real people.
PEOPLE = [
    {
        "slug": "david-adams",
        "title": "David Adams",
        "honorific": "Professor",
        "organisation": UOB,
        "summary": "Director of Birmingham Health Partners and a Pro-Vice-Chancellor "
        "of the University of Birmingham.",
        "roles": [
            ("Director of Birmingham Health Partners", RoleKind.LEADERSHIP, None),
            ("Pro-Vice-Chancellor", RoleKind.LEADERSHIP, UOB),
        ],
        "themes": [],
    },
    {
        "slug": "simon-ball",
        "title": "Simon Ball",
        "honorific": "Professor",
        "organisation": UHB,
        "summary": "Director of the Midlands site of Health Data Research UK and "
        "Director of Digital Healthcare at University Hospitals Birmingham.",
        "roles": [
            ("Director of the Midlands site", RoleKind.LEADERSHIP, HDRUK),
            ("Director of Digital Healthcare", RoleKind.LEADERSHIP, UHB),
        ],
        "themes": ["health-data-science"],
    },
    {
        "slug": "andrew-morris",
        "title": "Andrew Morris",
        "honorific": "Professor",
        "organisation": HDRUK,
        "summary": "Director of Health Data Research UK, the national institute "
        "for health data science.",
        "roles": [("Director", RoleKind.LEADERSHIP, HDRUK)],
        "themes": [],
    },
    {
        "slug": "emma-mckinney",
        "title": "Emma McKinney",
        "honorific": "",
        "organisation": UOB,
        "summary": "Communications Manager for Health Sciences at the University "
        "of Birmingham, and a press contact for BHP's announcements.",
        "roles": [
            (
                "Communications Manager (Health Sciences)",
                RoleKind.COMMUNICATIONS,
                UOB,
            )
        ],
        "themes": [],
    },
]


# Themes whose contacts (LEAD_CONTACTS) are people in the directory.
CONTACT_PEOPLE = {"health-data-science": "simon-ball"}


def load_people(home, themes_by_slug):
    index = ensure_page(
        PeopleIndexPageFactory,
        home,
        "people",
        title="People",
        summary="The people who lead Birmingham Health Partners and its work, "
        "and who to contact.",
        introduction="Find BHP's leaders and contacts by research theme, "
        "organisation or role.",
    )
    organisations = {org.name: org for org in Organisation.objects.all()}
    people = {}
    for spec in PEOPLE:
        person = dict(spec)
        slug = person.pop("slug")
        people[slug] = ensure_page(
            PersonPageFactory,
            index,
            slug,
            organisation=organisations[person.pop("organisation")],
            roles=PersonPageFactory.roles_for(
                *(
                    (title, kind, organisations.get(org))
                    for title, kind, org in person.pop("roles")
                )
            ),
            themes=[themes_by_slug[theme] for theme in person.pop("themes")],
            **person,
        )
    return index, people


def link_contacts_to_people(themes_by_slug, people):
    """Theme contacts who now have a page link to it (made after the themes,
    as people choose their themes)."""
    for slug, person_slug in CONTACT_PEOPLE.items():
        theme = themes_by_slug[slug]
        contacts = list(theme.lead_contacts.raw_data)
        if any(contact["value"].get("person") for contact in contacts):
            continue
        for contact in contacts:
            contact["value"]["person"] = people[person_slug].pk
        theme.lead_contacts = contacts
        theme.save_revision().publish()


def link_hdruk_director(people):
    """The Midlands site's director is in the directory; an editor's choice stays."""
    site = HDRUKSitePage.objects.filter(
        region="Midlands", director_page__isnull=True
    ).first()
    if site:
        site.director_page = people["simon-ball"]
        site.save_revision().publish()


def load():
    home = home_page()
    _, created = load_themes(home)
    feature_on_home(home, created)
    load_promotions()
    _, people = load_people(home, created)
    link_contacts_to_people(created, people)
    link_hdruk_director(people)
    demo_studies.load()
