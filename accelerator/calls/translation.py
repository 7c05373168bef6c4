from modeltranslation.translator import TranslationOptions, register

from .models import Call, CallQuestion


@register(Call)
class CallTranslation(TranslationOptions):
    fields = ("title",)


@register(CallQuestion)
class CallQuestionTranslation(TranslationOptions):
    fields = ("label", "help_text", "choices")
