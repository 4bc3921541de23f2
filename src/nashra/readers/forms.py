from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from nashra.readers.models import Profile


class ProfileForm(forms.ModelForm):
    class Meta:
        model = Profile
        fields = ["language", "timezone", "digits", "theme", "shortcuts"]
        labels = {
            "language": _("Interface language"),
            "timezone": _("Time zone"),
            "digits": _("Digits"),
            "theme": _("Theme"),
            "shortcuts": _("Keyboard shortcuts"),
        }

    def __init__(self, *args: Any, zones: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["timezone"] = forms.ChoiceField(
            choices=[(z, z) for z in zones], label=_("Time zone")
        )
        self.fields["digits"].choices = [
            ("", _("Default for the language")),
            ("arab", "٠١٢٣"),
            ("latn", "0123"),
        ]
        self.fields["theme"].choices = [
            ("auto", _("Automatic")),
            ("light", _("Light")),
            ("dark", _("Dark")),
        ]
