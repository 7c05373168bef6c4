import factory
from django.contrib.auth import get_user_model
from wagtail.models import Collection, Locale, Page, Site

from cms.models import HomePage, StandardPage


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"person{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    first_name = "Lan"
    last_name = "Nguyễn"
    password = factory.django.Password("correct horse battery")


class StaffFactory(UserFactory):
    is_staff = True
    is_superuser = True


def locale(code):
    return Locale.objects.get_or_create(language_code=code)[0]


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def wagtail_root():
    """The tree root Wagtail's migrations create; a transactional test may have flushed it."""
    root = Page.get_first_root_node()
    if root is None:
        root = Page.add_root(instance=Page(title="Root", slug="root", locale=locale("en")))
    if not Collection.objects.exists():
        Collection.add_root(name="Root")
    return root


def build_home_pages(languages=("en", "vi", "ar")):
    """A home page per language, linked as translations, as root of the default site."""
    root = wagtail_root()
    for placeholder in root.get_children().exact_type(Page):
        placeholder.delete()
    titles = {
        "en": "Cooperatives grow here",
        "vi": "Hợp tác xã phát triển tại đây",
        "ar": "هنا تنمو التعاونيات",
    }
    english = root.add_child(
        instance=HomePage(title=titles["en"], slug="home", locale=locale("en"), intro="Welcome")
    )
    publish(english)
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": english},
    )
    pages = {"en": english}
    for code in languages:
        if code == "en":
            continue
        translation = english.copy_for_translation(locale(code))
        translation.title = titles[code]
        translation.slug = f"home-{code}"
        pages[code] = publish(translation)
    return pages


def build_standard_page(parent, title, slug, **fields):
    page = parent.add_child(instance=StandardPage(title=title, slug=slug, **fields))
    return publish(page)
