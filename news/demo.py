"""Demo news: BHP's milestones retold as news, press releases, announcements
and blog posts. Facts come from BHP's own pages; the words are ours.

Themes and organisations belong to the research and partners apps; they are
looked up here and simply left off an article if they are missing, so the
loader never fails because another app's demo content changed.
"""

import datetime

from django.db.models import Q
from django.utils import timezone

from bhp_portal.core.demo import (
    MEDIA_OUT_OF_HOURS_PHONE,
    MEDIA_PHONE,
    demo_image,
    ensure_page,
    home_page,
    paragraphs,
)
from partners.models import HDRUKIndexPage, HDRUKSitePage, Organisation
from research.demo import THEME_MOTIFS
from research.models import PersonPage, ResearchThemePage

from . import demo_events
from .factories import NewsArticlePageFactory, NewsIndexPageFactory
from .models import (
    ArticleType,
    EmbargoLink,
    NewsArticleAuthor,
    NewsArticlePressContact,
    NewsSettings,
    PressContact,
)
from .workflow import prepare_news_index

THEMES = {
    "immunology-and-inflammation": "Immunology and Inflammation",
    "cancer": "Cancer",
    "clinical-trials": "Clinical Trials",
    "maternal-health": "Maternal Health",
    "rare-diseases": "Rare Diseases",
    "health-inequalities": "Health Inequalities",
    "mental-health": "Mental Health",
    "patient-safety": "Patient Safety",
    "applied-health-research": "Applied Health Research",
    "health-data-science": "Health Data Science",
    "translational-medicine": "Translational Medicine",
    "clinical-informatics": "Clinical Informatics",
}

UOB = "University of Birmingham"
UHB = "University Hospitals Birmingham NHS Foundation Trust"
BWC = "Birmingham Women's and Children's NHS Foundation Trust"
LEICESTER = "University of Leicester"
NOTTINGHAM = "University of Nottingham"
WARWICK = "University of Warwick"
HDRUK = "Health Data Research UK"
BWH = "Birmingham Women's Hospital"

# The press office details BHP gives journalists; no email address is published.
PRESS_CONTACTS = {
    "health-sciences": {
        "name": "Emma McKinney",
        "role": "Communications Manager (Health Sciences), University of Birmingham",
        "phone": MEDIA_PHONE,
        "person_slug": "emma-mckinney",
    },
    "press-office": {
        "name": "University of Birmingham press office",
        "out_of_hours_phone": MEDIA_OUT_OF_HOURS_PHONE,
    },
}

# The historical press release the HDR UK pages link to.
HDRUK_ANNOUNCEMENT = "bhp-to-lead-midlands-health-data-research-uk-site"

# Pieces not signed by a named person are signed by a role.
COMMS_TEAM = ("BHP communications team", "Birmingham Health Partners")


def days_ago(days):
    """A date relative to the day the demo is loaded, so the site looks current."""
    return timezone.localdate() - datetime.timedelta(days=days)


def themes(*slugs):
    titles = [THEMES[slug] for slug in slugs]
    return list(
        ResearchThemePage.objects.filter(Q(slug__in=slugs) | Q(title__in=titles))
    )


def organisations(*names):
    # Organisation names may be spelled with a typographic apostrophe.
    variants = {name for n in names for name in (n, n.replace("'", "\u2019"))}
    return list(Organisation.objects.filter(name__in=variants))


def press_contact(key):
    """The contact, linked to their person page where the demo has one."""
    fields = dict(PRESS_CONTACTS[key])
    person_slug = fields.pop("person_slug", None)
    if person_slug:
        fields["person"] = PersonPage.objects.filter(slug=person_slug).first()
    contact, _ = PressContact.objects.get_or_create(
        name=fields["name"], defaults=fields
    )
    return contact


ARTICLES = [
    {
        "slug": "city-deal-funds-institute-of-translational-medicine",
        "title": "City Deal funds an Institute of Translational Medicine",
        "date": datetime.date(2012, 7, 12),
        "article_type": ArticleType.ANNOUNCEMENT,
        "summary": "BHP has secured £12 million of matched government funding "
        "through the Birmingham City Deal to build a home for translational "
        "research beside the Queen Elizabeth Hospital.",
        "body": [
            "Birmingham Health Partners has won £12 million of matched funding "
            "from government as part of the Birmingham City Deal. The money will "
            "create an Institute of Translational Medicine: a building designed to "
            "carry discoveries from the laboratory bench to patients and to new "
            "businesses.",
            "The institute will bring together clinics for well-characterised "
            "groups of patients, a gateway to clinical trials, a unit for early "
            "drug discovery and a floor devoted to stratified medicine, including "
            "genomics and detailed profiling of the immune system.",
            "A floor of incubator space will give companies room to work alongside "
            "clinicians and scientists, and a training programme will prepare the "
            "next generation of translational researchers.",
        ],
        "themes": ["translational-medicine"],
        "organisations": [UOB, UHB],
        "tags": ["funding", "City Deal", "buildings"],
    },
    {
        "slug": "west-midlands-joins-100000-genomes-project",
        "title": "West Midlands becomes a lead centre for the 100,000 Genomes Project",
        "date": datetime.date(2014, 12, 22),
        "article_type": ArticleType.NEWS,
        "summary": "University Hospitals Birmingham will lead the West Midlands "
        "Genomic Medicine Centre, part of the national 100,000 Genomes Project.",
        "body": [
            "The West Midlands Genomic Medicine Centre, led from University "
            "Hospitals Birmingham, has been named one of the lead centres for the "
            "NHS 100,000 Genomes Project.",
            "The centre builds on Birmingham's long record in working out how "
            "faults in the genes of cancer cells drive disease, and on the "
            "region's services for people with rare inherited conditions.",
            "Patients with cancer and rare diseases will be invited to take part, "
            "helping to make whole-genome sequencing a routine part of NHS care.",
        ],
        "themes": ["cancer", "rare-diseases"],
        "organisations": [UHB, UOB],
        "tags": ["genomics", "NHS"],
        "image": ("Genomes read at scale", 21),
    },
    {
        "slug": "institute-of-translational-medicine-opens",
        "title": "Institute of Translational Medicine opens its doors",
        "date": datetime.date(2015, 6, 18),
        "article_type": ArticleType.PRESS_RELEASE,
        "summary": "A 6,000 square metre institute for turning discoveries into "
        "treatments has opened on Birmingham's medical campus.",
        "body": [
            "The Institute of Translational Medicine (ITM) opened today, completing "
            "the capital project Birmingham Health Partners began with City Deal "
            "funding three years ago.",
            "Its 6,000 square metres house clinical research facilities, space for "
            "trials, a stratified medicine floor and an incubator for industry, all "
            "next door to one of the largest hospitals in the country.",
            "Researchers in the building can draw on the electronic health records "
            "of some 800,000 adult patients a year, linked with detailed genetic "
            "and clinical information, to study disease and tailor treatment.",
        ],
        "themes": ["translational-medicine", "clinical-trials"],
        "organisations": [UOB, UHB, BWC],
        "tags": ["buildings", "industry"],
        "image": ("A new home for translational research", 22),
        "press_contacts": ["press-office"],
        "notes_to_editors": paragraphs(
            "The Institute of Translational Medicine is hosted by University "
            "Hospitals Birmingham NHS Foundation Trust.",
            "It was funded through the Birmingham City Deal, with £12 million of "
            "government money matched by the partners.",
        ),
    },
    {
        "slug": "why-research-should-be-ageless",
        "title": "Why research should be ageless",
        "date": days_ago(61),
        "article_type": ArticleType.BLOG,
        "summary": "Many diseases begin in childhood. Our partners treat patients "
        "from pregnancy to old age, and our research follows them.",
        "body": [
            "Most of the priorities set by national research funders, from cancer "
            "to rare diseases, first show themselves in childhood. Organising "
            "research around single organs or age bands misses that.",
            "Because BHP's clinical partners care for women in pregnancy, for "
            "children and for adults, we can study the same conditions across a "
            "whole lifetime and share patients between sites.",
            "This ageless approach lets us look for the mechanisms behind disease "
            "and test new treatments wherever they are most needed.",
        ],
        "themes": ["rare-diseases", "maternal-health"],
        "organisations": [BWC, UHB],
        "tags": ["children's health", "strategy"],
        "authors": [COMMS_TEAM],
    },
    {
        "slug": "tommys-national-centre-for-miscarriage-research",
        "title": "Birmingham to lead Tommy's National Centre for Miscarriage Research",
        "date": datetime.date(2016, 4, 26),
        "article_type": ArticleType.NEWS,
        "summary": "Europe's largest miscarriage research centre will be led from "
        "Birmingham, strengthening our work on maternal health.",
        "body": [
            "Birmingham is the lead centre for the new Tommy's National Centre for "
            "Miscarriage Research, the largest centre of its kind in Europe.",
            "It adds to a broad programme of maternal health research here: cohort "
            "studies of risk, randomised trials of treatments, systematic reviews "
            "and qualitative work on the care women receive during and after "
            "pregnancy.",
            "The centre's aim is simple to state and hard to achieve: to understand "
            "why miscarriage happens and to prevent it where we can.",
        ],
        "themes": ["maternal-health"],
        "organisations": [UOB, BWC, BWH],
        "tags": ["pregnancy", "funding"],
        "image": ("Caring for families in pregnancy", 23),
    },
    {
        "slug": "nihr-biomedical-research-centre-in-inflammation",
        "title": "NIHR Biomedical Research Centre in Inflammation awarded",
        "date": datetime.date(2016, 9, 14),
        "article_type": ArticleType.NEWS,
        "summary": "New national funding backs Birmingham's long-standing strength "
        "in immunology and inflammation.",
        "body": [
            "The National Institute for Health Research has awarded Birmingham a "
            "Biomedical Research Centre focused on inflammation.",
            "Our researchers cover the field from basic science to clinical trials "
            "of new medicines and exercise programmes in the community, and are "
            "among the leaders in immunotherapy, which turns parts of the immune "
            "system against disease.",
            "The centre will help bring new anti-inflammatory treatments to "
            "patients in Birmingham first.",
        ],
        "themes": ["immunology-and-inflammation"],
        "organisations": [UOB, UHB],
        "tags": ["NIHR", "funding", "immunotherapy"],
    },
    {
        "slug": HDRUK_ANNOUNCEMENT,
        "title": "BHP to lead the Midlands site of Health Data Research UK",
        "date": datetime.date(2018, 2, 1),
        "article_type": ArticleType.PRESS_RELEASE,
        "summary": "Birmingham Health Partners will lead one of six new sites, "
        "funded with £30 million from Health Data Research UK, that use data "
        "science to tackle hard problems in health care.",
        "body": [
            "Birmingham Health Partners will lead the Midlands site of Health Data "
            "Research UK (HDR UK), one of six sites across the UK sharing an initial "
            "£30 million award.",
            "The University of Birmingham and University Hospitals Birmingham will "
            "work with the Universities of Leicester, Nottingham and Warwick. The "
            "other sites are in Cambridge, London, Oxford, Scotland, and Wales and "
            "Northern Ireland.",
            "Every site was chosen for its expertise, its record of turning health "
            "data into discoveries, and its close work with the NHS and the public. "
            "The awards followed a demanding selection that included interviews "
            "with an international panel, and each site's organisations receive "
            "long-term funding.",
            "From April the six sites will act as founding partners of HDR UK, "
            "pooling their skills to use health data at national scale.",
            "Professor David Adams, Director of Birmingham Health Partners and "
            "Pro-Vice-Chancellor at the University of Birmingham, said the "
            "partnership was proud to lead a site that joins four Midlands "
            "universities with their NHS partners. He explained that the site "
            "would combine the region's strengths and build on the digital "
            "systems of University Hospitals Birmingham to take on questions that "
            "only a digital NHS can answer.",
            "Professor Simon Ball, Director of Digital Healthcare at University "
            "Hospitals Birmingham and Director of the Midlands site, described the "
            "award as exciting for patients as well as for the partners. Joining "
            "up research, health informatics and data science across Birmingham, "
            "Leicester, Nottingham and Warwick, he said, gives a rare chance to "
            "improve diagnosis, predict more precisely how illness will progress "
            "and tailor treatment, in the region and across the country.",
            "Professor Andrew Morris, Director of HDR UK, said the announcement "
            "opened a unique opportunity for scientists, researchers and "
            "clinicians to improve the population's health together. He pointed "
            "to the strengths of the six sites and their 22 universities, research "
            "institutes and NHS organisations, and thanked the funders for backing "
            "collaboration on this scale.",
            "This is the first phase of investment in HDR UK. A further £24 "
            "million is planned, including a Future Talent Programme and more "
            "partnership sites aimed at particular data research challenges.",
        ],
        "themes": ["health-data-science", "clinical-informatics"],
        "organisations": [UOB, UHB, LEICESTER, NOTTINGHAM, WARWICK, HDRUK],
        "tags": ["data science", "HDR UK", "funding"],
        "image": ("Health data across the Midlands", 24),
        "authors": [COMMS_TEAM],
        "press_contacts": ["health-sciences", "press-office"],
        "notes_to_editors": paragraphs(
            "Health Data Research UK is a joint investment coordinated by the "
            "Medical Research Council with the British Heart Foundation, the "
            "National Institute for Health Research, the Economic and Social "
            "Research Council, the Engineering and Physical Sciences Research "
            "Council, the Health and Social Care Research and Development "
            "Divisions of the Welsh Government and of Northern Ireland's Public "
            "Health Agency, the Chief Scientist Office of the Scottish Government "
            "Health and Social Care Directorates, and Wellcome.",
            "The six sites and their members: Cambridge (Wellcome Sanger "
            "Institute, European Bioinformatics Institute, University of "
            "Cambridge); London (UCL, Imperial College London, King's College "
            "London, Queen Mary University of London, London School of Hygiene & "
            "Tropical Medicine); Midlands (University of Birmingham, University of "
            "Leicester, University of Nottingham, University of Warwick, "
            "University Hospitals Birmingham NHS Foundation Trust); Oxford "
            "(University of Oxford); Scotland (the Universities of Edinburgh, "
            "Aberdeen, Dundee, Glasgow, St Andrews and Strathclyde); Wales and "
            "Northern Ireland (Swansea University, Queen's University Belfast).",
            "The University of Birmingham is ranked among the world's top 100 "
            "universities and has more than 5,000 international students from "
            "over 150 countries.",
            "University Hospitals Birmingham NHS Foundation Trust runs the Queen "
            "Elizabeth Hospital Birmingham and hosts the Institute of "
            "Translational Medicine. It has about 1,400 beds, 32 theatres and a "
            "100-bed critical care unit, the largest in Europe; it cared for more "
            "than 1 million patients in 2016/17, employs more than 9,500 staff and, "
            "as a Foundation Trust, has more than 23,000 members.",
        ),
    },
    {
        "slug": "one-of-europes-largest-clinical-trials-clusters",
        "title": "Inside one of Europe's largest clinical trials clusters",
        "date": days_ago(33),
        "article_type": ArticleType.BLOG,
        "summary": "How Birmingham's trials units and the region's diverse "
        "population make it a place where trials get done.",
        "body": [
            "Birmingham is now home to one of Europe's biggest concentrations of "
            "clinical trials expertise. The Cancer Research UK Clinical Trials Unit "
            "and the Birmingham Clinical Trials Unit design and run studies that "
            "change practice.",
            "The Birmingham Clinical Trials Unit is also a partner in the "
            "Birmingham Surgical Trials Consortium, one of five national surgical "
            "trials units supported by the Royal College of Surgeons.",
            "With 5.4 million people of every background living in the West "
            "Midlands, trials here can recruit the patients who will actually use "
            "the treatments being tested.",
        ],
        "themes": ["clinical-trials", "cancer"],
        "organisations": [UOB],
        "tags": ["trials", "surgery"],
        "authors": [COMMS_TEAM],
    },
    {
        "slug": "arc-west-midlands-launches",
        "title": "NIHR ARC West Midlands launches",
        "date": datetime.date(2019, 10, 1),
        "article_type": ArticleType.ANNOUNCEMENT,
        "summary": "A five-year collaboration to improve care across the region's "
        "health and social care services starts work today.",
        "body": [
            "The NIHR Applied Research Collaboration West Midlands begins a "
            "five-year programme running until 2024, joining universities with "
            "health and social care organisations across the region.",
            "Its research is organised in four main themes: long-term conditions, "
            "the points where acute care meets other services, integrated care for "
            "young people's mental health, and maternity services.",
            "Four cross-cutting themes support them: organisational science; "
            "research methods, rapid response and informatics; public health; and "
            "social care.",
        ],
        "themes": ["applied-health-research", "mental-health", "maternal-health"],
        "organisations": [UOB, UHB],
        "tags": ["NIHR", "social care"],
    },
    {
        "slug": "rare-diseases-are-not-so-rare",
        "title": "Rare diseases are not so rare",
        "date": days_ago(88),
        "article_type": ArticleType.BLOG,
        "summary": "One person in seventeen will have a rare disease. Here is "
        "how Birmingham's hospitals and laboratories are responding.",
        "body": [
            "A disease counts as rare when fewer than one person in 2,000 has it. "
            "But there are more than 7,000 of them, so together they affect about "
            "one person in seventeen.",
            "Half of those affected are children, and for more than half of all "
            "rare diseases there is no cure or specific treatment.",
            "Birmingham's NHS services and research institutions have invested in "
            "paediatric and adult centres for rare diseases, supported by the West "
            "Midlands Regional Genetics Service, so that research reaches families "
            "quickly.",
        ],
        "themes": ["rare-diseases"],
        "organisations": [BWC, BWH, UOB],
        "tags": ["genomics", "children's health"],
        "authors": [COMMS_TEAM],
        "image": ("One in seventeen", 25),
    },
    {
        "slug": "faster-trials-for-blood-cancers",
        "title": "Speeding up trials for blood cancers",
        "date": days_ago(19),
        "article_type": ArticleType.NEWS,
        "summary": "The Centre for Clinical Haemato-oncology's trials acceleration "
        "programme is bringing new treatments to patients sooner.",
        "body": [
            "Birmingham's Centre for Clinical Haemato-oncology runs a trials "
            "acceleration programme that cuts the time it takes to start and "
            "complete studies of new treatments for blood cancers.",
            "It works with the adult and paediatric Experimental Cancer Medicine "
            "Centres and the Cancer Research UK Clinical Trials Unit to test new "
            "and established treatments rigorously.",
        ],
        "themes": ["cancer", "clinical-trials"],
        "organisations": [UOB, UHB],
        "tags": ["trials", "blood cancer"],
    },
    {
        "slug": "mental-health-mission-midlands-translational-centre",
        "title": "Mental Health Mission centre to focus on early psychosis and "
        "treatment-resistant depression",
        "date": days_ago(47),
        "article_type": ArticleType.NEWS,
        "summary": "The Midlands Translational Centre will build digital registries "
        "and industry partnerships to speed up mental health research.",
        "body": [
            "The Mental Health Mission Midlands Translational Centre is setting out "
            "to grow the region's capacity for mental health research.",
            "It will start with two conditions where better treatments are badly "
            "needed: early psychosis and depression that has not responded to "
            "treatment. New digital registries will help find and follow patients "
            "who want to take part.",
            "The centre builds on the Midlands' leadership and facilities, and on "
            "new partnerships with industry.",
        ],
        "themes": ["mental-health"],
        "organisations": [UOB],
        "tags": ["mental health", "industry", "registries"],
        "image": ("Minds and mental health", 26),
    },
    {
        "slug": "nihr-midlands-patient-safety-research-collaboration",
        "title": "NIHR Midlands Patient Safety Research Collaboration begins",
        "date": datetime.date(2023, 4, 3),
        "article_type": ArticleType.ANNOUNCEMENT,
        "summary": "Hosted by University Hospitals Birmingham, the collaboration "
        "will make emergency and maternity care safer.",
        "body": [
            "Patient Safety Research Collaborations are partnerships between "
            "universities and NHS trusts that study how to keep patients safe.",
            "The NIHR Midlands Patient Safety Research Collaboration, hosted by "
            "University Hospitals Birmingham, will develop safer practice in "
            "emergency and acute care and in maternity care, and help it take hold "
            "across the NHS.",
        ],
        "themes": ["patient-safety", "maternal-health"],
        "organisations": [UHB, UOB],
        "tags": ["NIHR", "patient safety"],
    },
    {
        "slug": "standing-together-publishes-standards-for-ai-datasets",
        "title": "STANDING Together publishes standards for fairer medical AI",
        "date": days_ago(26),
        "article_type": ArticleType.PRESS_RELEASE,
        "summary": "New recommendations ask the makers of medical AI to show that "
        "their health datasets represent everyone the tools will be used on.",
        "body": [
            "STANDING Together, an international initiative led by University "
            "Hospitals Birmingham and the University of Birmingham, has published "
            "standards for the health datasets used to build medical artificial "
            "intelligence.",
            "AI systems tend to work less well for people who are missing from the "
            "data they learn from, and can even harm them. People from minority "
            "groups are the most likely to be under-represented.",
            "The recommendations set out how to describe who is in a dataset and "
            "how to check that an AI system performs well for everyone it is "
            "meant to serve.",
        ],
        "themes": ["health-inequalities", "health-data-science"],
        "organisations": [UHB, UOB],
        "tags": ["AI", "data science", "equity"],
        "image": ("Data that represents everyone", 27),
        "press_contacts": ["press-office"],
        "notes_to_editors": paragraphs(
            "STANDING Together is an international partnership of patients, "
            "researchers, regulators and industry.",
            "The standards cover both the documentation of datasets and the "
            "evaluation of AI systems built with them.",
        ),
    },
    {
        "slug": "a-world-within-a-city",
        "title": "A world within a city: why Birmingham is the place to tackle "
        "health inequalities",
        "date": days_ago(12),
        "article_type": ArticleType.BLOG,
        "summary": "Birmingham's diversity and its deprivation make it both a "
        "challenge and an opportunity for fairer health research.",
        "body": [
            "Birmingham reflects the world's population in its mix of ethnicities "
            "and incomes. It is also the UK's third-poorest city, with wide gaps in "
            "health between neighbourhoods.",
            "Researchers across BHP are studying how ethnic diversity affects "
            "wellbeing, how the law on mental capacity plays out in the daily lives "
            "of people with intellectual disabilities, and how abortion law might "
            "be reformed.",
            "Involving the whole population in research is how we make sure new "
            "care works for everyone.",
        ],
        "themes": ["health-inequalities", "applied-health-research"],
        "organisations": [UOB],
        "tags": ["equity", "public involvement"],
        "authors": [COMMS_TEAM],
    },
    {
        "slug": "records-that-help-research",
        "title": "How electronic health records are powering research",
        "date": days_ago(6),
        "article_type": ArticleType.NEWS,
        "summary": "Birmingham's clinical informatics platform links genetic, "
        "clinical and outcome data so that researchers can study patients in depth.",
        "body": [
            "University Hospitals Birmingham's electronic medical record captures "
            "data from around 800,000 adult patients each year.",
            "Linked with genetics, metabolomics and detailed descriptions of "
            "patients' conditions, and shared safely between NHS organisations, it "
            "gives researchers richly described groups of patients to study.",
            "The work is led academically from the University's Centre for "
            "Computational Biology.",
        ],
        "themes": ["clinical-informatics", "health-data-science"],
        "organisations": [UHB, UOB],
        "tags": ["data science", "records"],
    },
    {
        "slug": "immunotherapy-at-the-cutting-edge",
        "title": "Immunotherapy at the cutting edge",
        "date": days_ago(2),
        "article_type": ArticleType.BLOG,
        "summary": "Why Birmingham's concentration of immunologists and clinicians "
        "matters for patients waiting for new treatments.",
        "body": [
            "Birmingham has one of the world's largest concentrations of scientists "
            "and doctors working on immunology and inflammation.",
            "That depth lets us follow an idea from the laboratory to a trial of a "
            "new drug, and into community programmes such as exercise "
            "interventions.",
            "Immunotherapy, which recruits a patient's own immune system to fight "
            "disease, is where much of that work now meets cancer care.",
        ],
        "themes": ["immunology-and-inflammation", "cancer"],
        "organisations": [UOB, UHB],
        "tags": ["immunotherapy"],
        "authors": [COMMS_TEAM],
    },
]

# Scheduled and under embargo: shows the press office's embargo links.
EMBARGOED = {
    "slug": "partners-set-out-research-strategy-from-childhood-to-old-age",
    "title": "Partners set out a research strategy from childhood to old age",
    "article_type": ArticleType.PRESS_RELEASE,
    "summary": "BHP's members agree one research strategy for Birmingham, "
    "spanning discovery science to applied health research.",
    "body": [
        "The members of Birmingham Health Partners have agreed a single research "
        "strategy for the city, covering every age from childhood to old age.",
        "It commits the partners to share facilities, expertise and access to "
        "patients, and to link discovery science with service innovation and "
        "education across the West Midlands.",
    ],
    "themes": ["translational-medicine", "applied-health-research"],
    "organisations": [UOB, UHB, BWC],
    "tags": ["strategy"],
    "press_contacts": ["press-office"],
    "notes_to_editors": paragraphs(
        "This release is under embargo until the time shown. Please do not "
        "publish or broadcast before then."
    ),
}


def load_index(home):
    index = ensure_page(
        NewsIndexPageFactory,
        home,
        "news",
        title="News",
        show_in_menus=True,
        summary="News, press releases, announcements and blog posts from "
        "Birmingham Health Partners.",
        introduction="The latest from BHP and its partners. Filter by research "
        "theme, partner, type or year, or follow by RSS.",
    )
    prepare_news_index(index)
    return index


def article_fields(spec):
    fields = {
        "title": spec["title"],
        "article_type": spec["article_type"],
        "summary": spec["summary"],
        "body": [("rich_text", paragraphs(*spec["body"]))],
        "themes": themes(*spec["themes"]),
        "organisations": organisations(*spec["organisations"]),
        "tags": spec["tags"],
        "notes_to_editors": spec.get("notes_to_editors", ""),
        "authors": [
            NewsArticleAuthor(name=name, role=role)
            for name, role in spec.get("authors", [])
        ],
        "press_contacts": [
            NewsArticlePressContact(contact=press_contact(key), sort_order=i)
            for i, key in enumerate(spec.get("press_contacts", []))
        ],
    }
    if "date" in spec:
        fields["date"] = spec["date"]
    if "image" in spec:
        title, seed = spec["image"]
        motif, description = article_motif(spec)
        fields["hero_image"] = demo_image(
            title,
            f"Illustration of {description}, for “{title.lower()}”.",
            seed=seed,
            size=(1200, 675),
            motif=motif,
        )
    return fields


def article_motif(spec):
    """The motif and its description of the article's first theme, so each
    picture says something of the story; the palette follows the seed."""
    slugs = spec["themes"] or [None]
    return THEME_MOTIFS.get(slugs[0], ("rings", "rings joined by a flowing line"))


def load_articles(index):
    for spec in ARTICLES:
        ensure_page(NewsArticlePageFactory, index, spec["slug"], **article_fields(spec))


def link_hdruk_announcement(index):
    """The HDR UK pages link to the press release; an editor's choice stays."""
    announcement = index.get_children().filter(slug=HDRUK_ANNOUNCEMENT).first()
    if announcement is None:
        return
    pages = [
        *HDRUKIndexPage.objects.filter(announcement__isnull=True),
        *HDRUKSitePage.objects.filter(region="Midlands", announcement__isnull=True),
    ]
    for page in pages:
        page.announcement = announcement
        page.save_revision().publish()


def load_embargoed(index):
    if index.get_children().filter(slug=EMBARGOED["slug"]).exists():
        return
    go_live = timezone.now().replace(minute=0, second=0, microsecond=0)
    go_live += datetime.timedelta(days=14)
    page = NewsArticlePageFactory(
        parent=index,
        slug=EMBARGOED["slug"],
        live=False,
        date=timezone.localdate(go_live),
        go_live_at=go_live,
        **article_fields(EMBARGOED),
    )
    # Publishing with a future go-live time schedules it rather than going live.
    page.save_revision().publish()
    EmbargoLink.objects.create(
        page=page, recipient="Health correspondents (demo)", expires_at=go_live
    )


def load_settings(home):
    news_settings = NewsSettings.for_site(home.get_site())
    if news_settings.about_bhp:
        return
    news_settings.about_bhp = paragraphs(
        "Birmingham Health Partners (BHP) is a strategic alliance between the "
        "University of Birmingham, University Hospitals Birmingham NHS Foundation "
        "Trust and Birmingham Women's and Children's NHS Foundation Trust. It exists "
        "to bring the University's research and the NHS together so that patients "
        "get better treatment and care."
    )
    news_settings.save()


def load():
    home = home_page()
    load_settings(home)
    index = load_index(home)
    load_articles(index)
    link_hdruk_announcement(index)
    load_embargoed(index)
    demo_events.load(home)
