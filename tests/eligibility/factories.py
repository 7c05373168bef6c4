import factory

from accelerator.eligibility.models import EligibilityRule
from tests.admin.factories import CallFactory


class EligibilityRuleFactory(factory.django.DjangoModelFactory):
    """A rule; its lists (regions, provinces, legal_forms, sectors) are given as keywords."""

    class Meta:
        model = EligibilityRule
        skip_postgeneration_save = True

    call = factory.SubFactory(CallFactory)
    kind = EligibilityRule.Kind.MIN_MEMBERS

    @factory.post_generation
    def lists(rule, create, extracted, **kwargs):
        if not create or not extracted:
            return
        for name, items in extracted.items():
            getattr(rule, name).set(items)
        rule.save()
