from modeltranslation.translator import TranslationOptions, register

from .models import Domain, Instrument, Question, StandardAction


@register(Instrument)
class InstrumentTranslation(TranslationOptions):
    fields = ("name", "description")


@register(Domain)
class DomainTranslation(TranslationOptions):
    fields = ("name", "description")


@register(Question)
class QuestionTranslation(TranslationOptions):
    fields = ("text", "evidence_hint", "level_0", "level_1", "level_2", "level_3", "level_4")


@register(StandardAction)
class StandardActionTranslation(TranslationOptions):
    fields = ("title", "description")
