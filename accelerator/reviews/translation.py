from modeltranslation.translator import TranslationOptions, register

from .models import Criterion


@register(Criterion)
class CriterionTranslation(TranslationOptions):
    fields = ("name", "description")
