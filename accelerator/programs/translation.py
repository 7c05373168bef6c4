from modeltranslation.translator import TranslationOptions, register

from .models import Cohort, LegalForm, Phase, Program, Province, Region, Sector


@register(Region)
@register(Province)
@register(Sector)
@register(LegalForm)
class NameTranslation(TranslationOptions):
    fields = ("name",)


@register(Program)
class ProgramTranslation(TranslationOptions):
    fields = ("name", "description")


@register(Cohort)
@register(Phase)
class CohortTranslation(TranslationOptions):
    fields = ("name",)
