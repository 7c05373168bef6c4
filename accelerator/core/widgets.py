from django import forms


class DateInput(forms.DateInput):
    """The browser's date picker. Its value is always ISO (2027-03-15), whatever the reader's
    language formats dates as: a localised value would be dropped by the picker."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")
