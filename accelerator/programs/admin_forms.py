from accelerator.core.backoffice.forms import TranslatedModelForm

from .models import Program


class ProgramRecordForm(TranslatedModelForm):
    """A record that belongs to a program: only programs this person manages can be chosen."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "program" in self.fields:
            self.fields["program"].queryset = Program.objects.managed_by(self.for_user)
