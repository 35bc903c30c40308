"""Core knows no content app, so a new page type or section needs no edit under
bhp_portal/core/: none of its Python files or templates imports a content app
or refers to one's models, modules, URLs, templates or template tags. Words
such as "research" in help text are fine.

The content apps are settings.PROJECT_APPS without core, so an app added later
is checked too. The project's wiring (bhp_portal/urls.py, bhp_portal/api.py,
the settings) lives outside core and may name them."""

import ast
import re
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings

CORE = apps.get_app_config("core")
CONTENT_APPS = [
    config
    for config in apps.get_app_configs()
    if config.name in settings.PROJECT_APPS and config is not CORE
]
CONTENT_NAMES = {
    name for config in CONTENT_APPS for name in (config.name, config.label)
}
TAG_LIBRARIES = {
    path.stem
    for config in CONTENT_APPS
    for path in Path(config.path).glob("templatetags/*.py")
} - {"__init__"}


def either(words):
    """A regex matching any of `words`, or nothing when there are none."""
    return "|".join(map(re.escape, sorted(words))) or "(?!)"


# "news.NewsArticlePage", "news.workflow", "news:embargo": a model, module or
# URL name of the app, wherever it is written (code, strings, comments).
DOTTED = re.compile(rf"\b(?:{either(CONTENT_NAMES)})[.:][A-Za-z_]")
TEMPLATE_PATH = re.compile(rf"[\"'](?:{either(CONTENT_NAMES)})/")
TAG_LIBRARY = re.compile(rf"{{%\s*load\b[^%]*\b(?:{either(TAG_LIBRARIES)})\b")


def is_content_app(name):
    return isinstance(name, str) and any(
        name == app or name.startswith(f"{app}.") for app in CONTENT_NAMES
    )


def named_by(node):
    """The modules an import loads, or the first argument of a call (the
    "news" of apps.get_model("news", ...))."""
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    if isinstance(node, ast.ImportFrom) and node.level == 0:
        return [node.module]
    if isinstance(node, ast.Call) and node.args:
        first = node.args[0]
        return [first.value] if isinstance(first, ast.Constant) else []
    return []


def python_references(source):
    named = [name for node in ast.walk(ast.parse(source)) for name in named_by(node)]
    return [
        *DOTTED.findall(source),
        *TEMPLATE_PATH.findall(source),
        *filter(is_content_app, named),
    ]


def template_references(source):
    return [
        *DOTTED.findall(source),
        *TEMPLATE_PATH.findall(source),
        *TAG_LIBRARY.findall(source),
    ]


def core_files(*suffixes):
    return sorted(
        path
        for path in Path(CORE.path).rglob("*")
        if path.suffix in suffixes and "__pycache__" not in path.parts
    )


def test_the_content_apps_come_from_settings():
    assert {config.label for config in CONTENT_APPS} >= {"partners", "research", "news"}
    assert {"news_tags", "partners_tags"} <= TAG_LIBRARIES


@pytest.mark.parametrize(
    "path", core_files(".py"), ids=lambda path: str(path.relative_to(CORE.path))
)
def test_core_python_names_no_content_app(path):
    assert python_references(path.read_text()) == []


def test_core_templates_name_no_content_app():
    for path in core_files(".html", ".txt", ".xml"):
        assert template_references(path.read_text()) == [], path


PYTHON_SAMPLES = [
    sample.format(app=config.label)
    for config in CONTENT_APPS
    for sample in [
        "import {app}.models",
        "from {app}.models import Thing",
        "from {app} import models",
        'model = "{app}.Thing"',
        'apps.get_model("{app}", "Thing")',
        "# kept in step with {app}.workflow",
        'reverse("{app}:thing")',
        'render(request, "{app}/thing.html")',
    ]
]
TEMPLATE_SAMPLES = [
    *(f"{{% load wagtailcore_tags {library} %}}" for library in sorted(TAG_LIBRARIES)),
    *(f'{{% include "{config.label}/thing.html" %}}' for config in CONTENT_APPS),
    *(f"{{{{ settings.{config.label}.Thing.field }}}}" for config in CONTENT_APPS),
]


@pytest.mark.parametrize("source", PYTHON_SAMPLES)
def test_the_check_finds_python_references(source):
    assert python_references(source)


@pytest.mark.parametrize("source", TEMPLATE_SAMPLES)
def test_the_check_finds_template_references(source):
    assert template_references(source)


@pytest.mark.parametrize(
    "source",
    [
        'help_text = "A research theme or other page to feature."',
        "# Searches of the news, our partners and research.",
        'label = "Our partners"',
    ],
)
def test_prose_about_the_content_is_allowed(source):
    assert python_references(source) == []
