from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel

from accelerator.core.backoffice.viewsets import ProgramRecordsViewSet

from .models import Cooperative, CooperativeProfile


class CooperativeViewSet(ProgramRecordsViewSet):
    model = Cooperative
    icon = "group"
    menu_order = 130
    add_to_admin_menu = True
    list_display = ["legal_name", "registration_number", "region", "sector", "members_total"]
    list_filter = ["region", "province", "sector", "legal_form"]
    search_fields = ["legal_name", "registration_number"]
    list_export = list(CooperativeProfile.PROFILE_FIELDS)
    export_filename = "cooperatives"
    panels = [
        MultiFieldPanel(
            [
                FieldPanel("legal_name"),
                FieldRowPanel([FieldPanel("registration_number"), FieldPanel("registration_date")]),
                FieldPanel("legal_form"),
            ],
            heading=_("Registration"),
        ),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("region"), FieldPanel("province")]), FieldPanel("commune")],
            heading=_("Place"),
        ),
        MultiFieldPanel(
            [FieldPanel("sector"), FieldPanel("products"), FieldPanel("annual_turnover")],
            heading=_("Activity"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [
                        FieldPanel("members_total"),
                        FieldPanel("members_women"),
                        FieldPanel("members_youth"),
                        FieldPanel("founders_count"),
                    ]
                )
            ],
            heading=_("Members"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("contact_name"),
                FieldRowPanel([FieldPanel("contact_phone"), FieldPanel("contact_email")]),
            ],
            heading=_("Contact"),
        ),
        InlinePanel(
            "representatives",
            heading=_("Representatives"),
            label=_("Representative"),
            help_text=_(
                "People who sign in to the cooperative's portal with a link sent to their "
                "e-mail address. The contact of an admitted cooperative is added on admission."
            ),
            panels=[FieldPanel("email"), FieldPanel("revoked_at")],
        ),
    ]

    def visible_to(self, user):
        return Cooperative.objects.visible_to(user).with_places()
