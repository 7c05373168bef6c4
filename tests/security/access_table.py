"""Who may open what: the declared access of every address of the site and the back-office.

The permission matrix (test_permission_matrix.py) walks every URL pattern of accelerator/urls.py
and checks each against this table, for an anonymous visitor, each role of program A, the same
roles of program B trying A's records, and a superuser. An address missing here fails the test:
adding a screen means saying here who may open it.

An entry is named by its URL name, or by its route when it has none. Reading an entry:
`Access(who, args)` — `who` are the roles that may open the address (in
program A, for A's record named by `args`). Everyone else is answered:

- an anonymous visitor: sent to a sign-in page;
- a signed-in person outside the rule, or of program B: 404, as if the record did not exist;
- a representative in the back-office: sent to the back-office sign-in (they have no access).

`post=True`: the address only acts (POST); a GET gets 405 from those allowed, and the others'
POST gets the refusal above. `shared=True`: the record belongs to no program (reference data,
instruments), so program B's people fare as A's. `missing=True`: probed with a record that
does not exist, everyone gets 404.
"""

from dataclasses import dataclass

ANONYMOUS = "anonymous"
ADMINISTRATOR = "administrator"
OFFICER = "officer"
REVIEWER = "reviewer"
COACH = "coach"
TRAINER = "trainer"
REPRESENTATIVE = "representative"
SUPERUSER = "superuser"

#: The people a program works with, in program A; program B's are "other <role>".
PROGRAM_ROLES = (ADMINISTRATOR, OFFICER, REVIEWER, COACH, TRAINER, REPRESENTATIVE)
STAFF_ROLES = (ADMINISTRATOR, OFFICER, REVIEWER, COACH, TRAINER)

NOBODY = frozenset()
SUPERUSERS = frozenset({SUPERUSER})
ADMINISTRATORS = frozenset({ADMINISTRATOR, SUPERUSER})
OFFICE = frozenset({ADMINISTRATOR, OFFICER, SUPERUSER})
#: The coach of a cooperative and the office of its program (development plans).
COACHING = frozenset({COACH, ADMINISTRATOR, OFFICER, SUPERUSER})
#: Everyone the back-office lets in (the `access_admin` permission of every staff role).
BACK_OFFICE = frozenset({*STAFF_ROLES, SUPERUSER})
SIGNED_IN = frozenset({*PROGRAM_ROLES, SUPERUSER})
EVERYONE = frozenset({ANONYMOUS, *SIGNED_IN})


@dataclass(frozen=True)
class Access:
    who: frozenset
    #: Names of program A's records (or "shared.<name>", or "=<literal>") filling the address.
    args: tuple = ()
    post: bool = False
    shared: bool = False
    #: Probed with a record the world does not have: everyone gets 404.
    missing: bool = False


def screens(
    namespace,
    record,
    *,
    see,
    add=NOBODY,
    change=NOBODY,
    delete=NOBODY,
    shared=False,
    views=(
        "index",
        "index_results",
        "add",
        "edit",
        "delete",
        "history",
        "history_results",
        "usage",
    ),
):
    """Wagtail's generic screens of one model (ModelViewSet through core.backoffice): the list
    needs any permission on the model, the others the permission they are named after; history
    needs any change permission, usage the change permission."""
    rules = {
        "index": Access(see),
        "index_results": Access(see),
        "add": Access(add),
        "inspect": Access(see, (record,), shared=shared),
        "edit": Access(change, (record,), shared=shared),
        "delete": Access(delete, (record,), shared=shared),
        "history": Access(add | change | delete, (record,), shared=shared),
        "history_results": Access(add | change | delete, (record,), shared=shared),
        "usage": Access(change, (record,), shared=shared),
    }
    return {f"{namespace}:{view}": rules[view] for view in views}


# Back-office: our screens --------------------------------------------------------------------

ADMIN = {
    # Programs: officers read their program and run its cohorts; administrators change it.
    **screens(
        "program",
        "program",
        see=OFFICE,
        add=ADMINISTRATORS,
        change=ADMINISTRATORS,
        delete=ADMINISTRATORS,
    ),
    **screens("cohort", "cohort", see=OFFICE, add=OFFICE, change=OFFICE, delete=ADMINISTRATORS),
    # Organisations and reference data are shared by every program.
    **screens(
        "organisation",
        "shared.organisation",
        see=OFFICE,
        add=ADMINISTRATORS,
        change=ADMINISTRATORS,
        delete=ADMINISTRATORS,
        shared=True,
    ),
    **{
        name: rule
        for model in ("region", "province", "sector", "legalform")
        for name, rule in screens(
            model,
            f"shared.{model.replace('legalform', 'legal_form')}",
            see=OFFICE,
            add=ADMINISTRATORS,
            change=ADMINISTRATORS,
            delete=ADMINISTRATORS,
            shared=True,
        ).items()
    },
    # Cooperatives: those that applied to the person's programs.
    **screens(
        "cooperative",
        "cooperative",
        see=OFFICE,
        add=OFFICE,
        change=OFFICE,
        delete=ADMINISTRATORS,
    ),
    **screens("call", "call", see=OFFICE, add=OFFICE, change=OFFICE, delete=ADMINISTRATORS),
    # Applications are written by applicants: the office reads and exports them.
    **screens(
        "application", "application", see=OFFICE, views=("index", "index_results", "inspect")
    ),
    "application:attachment": Access(OFFICE, ("attachment",)),
    # Eligibility, reviews and selection: the office runs them; reviewers score.
    "eligibility_screen_call": Access(OFFICE, ("call",)),
    "eligibility_override": Access(OFFICE, ("application",)),
    "reviews:mine": Access(frozenset({REVIEWER, SUPERUSER})),
    "reviews:review": Access(frozenset({REVIEWER}), ("review",)),
    "reviews:attachment": Access(frozenset({REVIEWER}), ("attachment",)),
    "reviews:call": Access(OFFICE, ("call",)),
    "reviews:assign_balanced": Access(OFFICE, ("call",), post=True),
    "reviews:assign": Access(OFFICE, ("application",), post=True),
    "selection:index": Access(OFFICE),
    "selection:call": Access(OFFICE, ("call",)),
    "selection:bulk": Access(OFFICE, ("call",)),
    "selection:proposal": Access(OFFICE, ("proposal",)),
    "selection:decide": Access(OFFICE, ("application",), post=True),
    # Support: contracts, assignments, training records, the coaching report.
    **screens(
        "coach_contracts",
        "contract",
        see=OFFICE,
        add=OFFICE,
        change=OFFICE,
        delete=ADMINISTRATORS,
    ),
    **screens(
        "coach_assignments",
        "assignment",
        see=OFFICE,
        add=OFFICE,
        change=OFFICE,
        delete=ADMINISTRATORS,
    ),
    "coaching:index": Access(OFFICE),
    "coaching:report": Access(OFFICE, ("program",)),
    "coaching:export": Access(OFFICE, ("program", "=coaches")),
    **screens(
        "training_sessions",
        "session",
        see=OFFICE,
        add=OFFICE,
        change=OFFICE,
        delete=ADMINISTRATORS,
    ),
    "training_sessions:import": Access(OFFICE, ("session",)),
    **screens(
        "training_attendance",
        "attendance",
        see=OFFICE,
        add=OFFICE,
        change=OFFICE,
        delete=ADMINISTRATORS,
    ),
    **screens(
        "training_modules",
        "shared.module",
        see=OFFICE,
        add=ADMINISTRATORS,
        change=ADMINISTRATORS,
        delete=ADMINISTRATORS,
        shared=True,
    ),
    **screens(
        "technical_assistance",
        "assistance",
        see=OFFICE,
        views=("index", "index_results", "inspect"),
    ),
    **screens(
        "marketing_support", "marketing", see=OFFICE, views=("index", "index_results", "inspect")
    ),
    # Diagnostic instruments are shared: administrators change them, officers read them.
    **{
        name: rule
        for namespace, record in (
            ("instruments", "shared.instrument"),
            ("instrument_versions", "shared.version"),
            ("instrument_domains", "shared.domain"),
            ("standard_actions", "shared.standard_action"),
        )
        for name, rule in screens(
            namespace,
            record,
            see=OFFICE,
            add=ADMINISTRATORS,
            change=ADMINISTRATORS,
            delete=ADMINISTRATORS,
            shared=True,
        ).items()
    },
    "instrument_versions:next": Access(ADMINISTRATORS, ("shared.version",), shared=True),
    "diagnostics_office:index": Access(OFFICE),
    "diagnostics_office:detail": Access(OFFICE, ("diagnostic",)),
    "diagnostics_office:validate": Access(OFFICE, ("diagnostic",), post=True),
    "diagnostics_office:reopen": Access(OFFICE, ("diagnostic",), post=True),
    "diagnostics_plans:index": Access(OFFICE),
    "diagnostics_plans:detail": Access(OFFICE, ("plan",)),
    "diagnostics_plans:approve": Access(OFFICE, ("plan",), post=True),
    "diagnostics_plans:return": Access(OFFICE, ("plan",), post=True),
    # Personal data and the audit log of their programs: program administrators.
    "privacy:audit_log": Access(ADMINISTRATORS),
    "privacy:audit_log_results": Access(ADMINISTRATORS),
    "privacy:index": Access(ADMINISTRATORS),
    "privacy:cooperative": Access(ADMINISTRATORS, ("cooperative",)),
    "privacy:cooperative_export": Access(ADMINISTRATORS, ("cooperative",)),
    "privacy:person": Access(ADMINISTRATORS),
    # Asked without the person's address it exports nothing: 404 for everyone.
    "privacy:person_export": Access(ADMINISTRATORS, missing=True),
    # Wagtail's site history lists every program's records (it filters by model permission):
    # replaced by the privacy app for superusers only; administrators read privacy:audit_log.
    "admin/reports/site-history/": Access(SUPERUSERS),
    "admin/reports/site-history/results/": Access(SUPERUSERS),
    # A person's own security settings.
    "security_admin:two_factor": Access(BACK_OFFICE),
    "security_admin:two_factor_verify": Access(BACK_OFFICE),
    "security_admin:confirm_identity": Access(BACK_OFFICE),
}

# Public site, field workspace and cooperatives' portal --------------------------------------

SITE = {
    "sitemap": Access(EVERYONE),
    "search": Access(EVERYONE),
    "wagtail_serve": Access(EVERYONE, ("=",)),
    "wagtailcore_login": Access(EVERYONE),
    # Wagtail's password forms of restricted pages and documents: none is restricted here.
    "wagtailcore_authenticate_with_password": Access(EVERYONE, ("=1", "=1"), missing=True),
    "wagtaildocs_authenticate_with_password": Access(EVERYONE, ("=1",), missing=True),
    "wagtaildocs_serve": Access(EVERYONE, ("shared.document", "shared.document_filename")),
    # The printable report opens with its unguessable link, for whoever holds it.
    "diagnostics-report": Access(EVERYONE, ("report_token",)),
    # Field workspace: coaches for the cooperatives assigned to them, trainers for the sessions
    # they give, the office of the program for all of its own.
    "workspace:login": Access(EVERYONE),
    "workspace:logout": Access(SIGNED_IN, post=True),
    "workspace:home": Access(SIGNED_IN),
    "workspace:cooperative": Access(frozenset({COACH, *OFFICE}), ("member",)),
    "workspace:diagnostics:start": Access(COACHING, ("member",), post=True),
    "workspace:diagnostics:overview": Access(frozenset({COACH, *OFFICE}), ("diagnostic",)),
    "workspace:diagnostics:domain": Access(
        frozenset({COACH, *OFFICE}), ("diagnostic", "shared.domain")
    ),
    "workspace:diagnostics:swot": Access(frozenset({COACH, *OFFICE}), ("diagnostic",)),
    "workspace:diagnostics:swot_add": Access(
        frozenset({COACH, SUPERUSER}), ("diagnostic",), post=True
    ),
    "workspace:diagnostics:swot_remove": Access(
        frozenset({COACH, SUPERUSER}), ("diagnostic", "swot_item"), post=True
    ),
    "workspace:diagnostics:meta": Access(frozenset({COACH, *OFFICE}), ("diagnostic",)),
    "workspace:diagnostics:autosave": Access(
        frozenset({COACH, SUPERUSER}), ("diagnostic",), post=True
    ),
    "workspace:diagnostics:complete": Access(
        frozenset({COACH, SUPERUSER}), ("diagnostic",), post=True
    ),
    "workspace:plans:detail": Access(frozenset({COACH, *OFFICE}), ("member",)),
    "workspace:plans:create": Access(COACHING, ("member",), post=True),
    "workspace:plans:submit": Access(COACHING, ("member",), post=True),
    "workspace:plans:history": Access(frozenset({COACH, *OFFICE}), ("member",)),
    "workspace:plans:accept": Access(COACHING, ("member", "shared.standard_action"), post=True),
    "workspace:plans:dismiss": Access(COACHING, ("member", "shared.standard_action"), post=True),
    "workspace:plans:action_add": Access(COACHING, ("member",)),
    "workspace:plans:action_edit": Access(COACHING, ("member", "action")),
    "workspace:plans:action_delete": Access(COACHING, ("member", "action"), post=True),
    "workspace:plans:objective_add": Access(COACHING, ("member",), post=True),
    "workspace:plans:objective_edit": Access(COACHING, ("member", "objective")),
    "workspace:plans:objective_delete": Access(COACHING, ("member", "objective"), post=True),
    "workspace:visits:list": Access(frozenset({COACH, *OFFICE}), ("member",)),
    "workspace:visits:new": Access(frozenset({COACH}), ("member",)),
    "workspace:visits:autosave_new": Access(frozenset({COACH, SUPERUSER}), ("member",), post=True),
    "workspace:visits:visit": Access(frozenset({COACH, *OFFICE}), ("visit",)),
    "workspace:visits:autosave": Access(frozenset({COACH, SUPERUSER}), ("visit",), post=True),
    "workspace:visits:attachment": Access(
        frozenset({COACH, *OFFICE}), ("visit", "visit_attachment")
    ),
    "workspace:visits:attachment_remove": Access(
        frozenset({COACH, SUPERUSER}), ("visit", "visit_attachment"), post=True
    ),
    "workspace:visits:follow_up_done": Access(
        frozenset({COACH, SUPERUSER}), ("follow_up",), post=True
    ),
    "workspace:assistance:digest": Access(SIGNED_IN),
    "workspace:assistance:assistance_add": Access(frozenset({COACH, SUPERUSER}), ("member",)),
    "workspace:assistance:assistance_edit": Access(
        frozenset({COACH, SUPERUSER}), ("member", "assistance")
    ),
    "workspace:assistance:assistance_remove": Access(
        frozenset({COACH, SUPERUSER}), ("member", "assistance")
    ),
    "workspace:assistance:marketing_add": Access(frozenset({COACH, SUPERUSER}), ("member",)),
    "workspace:assistance:marketing_edit": Access(
        frozenset({COACH, SUPERUSER}), ("member", "marketing")
    ),
    "workspace:assistance:marketing_remove": Access(
        frozenset({COACH, SUPERUSER}), ("member", "marketing")
    ),
    "workspace:training:index": Access(SIGNED_IN),
    "workspace:training:session": Access(frozenset({TRAINER, *OFFICE}), ("session",)),
    "workspace:training:attendance_add": Access(frozenset({TRAINER, *OFFICE}), ("session",)),
    "workspace:training:attendance_edit": Access(
        frozenset({TRAINER, *OFFICE}), ("session", "attendance")
    ),
    "workspace:training:attendance_remove": Access(
        frozenset({TRAINER, *OFFICE}), ("session", "attendance"), post=True
    ),
    "workspace:training:sheet": Access(frozenset({TRAINER, *OFFICE}), ("session",)),
    "workspace:training:sheet_workbook": Access(frozenset({TRAINER, *OFFICE}), ("session",)),
    "workspace:training:import": Access(frozenset({TRAINER, *OFFICE}), ("session",)),
    "workspace:training:cascade": Access(frozenset({TRAINER, *OFFICE}), ("session",)),
    "workspace:security:two_factor": Access(SIGNED_IN),
    "workspace:security:two_factor_verify": Access(SIGNED_IN),
    # Cooperatives' portal: the sign-in page and its one-time links are public; a
    # representative sees their own cooperative's records only.
    "portal:home": Access(EVERYONE),
    "portal:sign_in": Access(EVERYONE, ("sign_in_token",)),
    "portal:sign_out": Access(EVERYONE, post=True),
    "portal:application": Access(frozenset({REPRESENTATIVE}), ("application",)),
    "portal:member": Access(frozenset({REPRESENTATIVE}), ("member",)),
}


# Back-office: Wagtail's own screens, one rule per group ----------------------------------------


@dataclass(frozen=True)
class Group:
    """Wagtail's own screens under one prefix, checked at one address each."""

    prefix: str
    probe: str
    who: frozenset
    why: str
    #: Only the address equal to the prefix, not those below it.
    exact: bool = False
    post: bool = False


#: Editing the public site (pages, images, documents, snippets, forms, redirects, workflows,
#: site settings) and managing accounts: superusers only, until an editors' role is given.
WAGTAIL_CORE = [
    Group("admin/pages/", "/admin/pages/", SUPERUSERS, "page tree"),
    Group("admin/choose-page/", "/admin/choose-page/", BACK_OFFICE, "page chooser"),
    Group("admin/images/", "/admin/images/", SUPERUSERS, "images"),
    Group("admin/documents/", "/admin/documents/", SUPERUSERS, "documents"),
    Group("admin/snippets/", "/admin/snippets/", NOBODY, "snippets (none registered)"),
    Group("admin/forms/", "/admin/forms/", SUPERUSERS, "form submissions"),
    Group("admin/redirects/", "/admin/redirects/", SUPERUSERS, "redirects"),
    Group("admin/workflows/", "/admin/workflows/list/", SUPERUSERS, "workflows"),
    Group("admin/settings/", "/admin/settings/", NOBODY, "site settings (none registered)"),
    Group("admin/sites/", "/admin/sites/", SUPERUSERS, "sites"),
    Group("admin/locales/", "/admin/locales/", SUPERUSERS, "locales"),
    Group("admin/collections/", "/admin/collections/", SUPERUSERS, "collections"),
    Group("admin/users/", "/admin/users/", SUPERUSERS, "accounts"),
    Group("admin/two_step_devices/", "/admin/two_step_devices/", SUPERUSERS, "2-step devices"),
    Group("admin/groups/", "/admin/groups/", SUPERUSERS, "groups"),
    # Wagtail's page reports (locked, ageing pages, page types): about editing the public site.
    Group("admin/reports/", "/admin/reports/locked/", SUPERUSERS, "page reports"),
    # Probed at the tree root, which has nothing to translate.
    Group("admin/translation/", "/admin/translation/submit/page/1/", NOBODY, "translation"),
    Group("admin/embeds/", "/admin/embeds/chooser/", BACK_OFFICE, "embed chooser"),
    Group("admin/api/", "/admin/api/main/pages/", BACK_OFFICE, "admin API of pages"),
    Group("admin/tag-autocomplete/", "/admin/tag-autocomplete/", BACK_OFFICE, "tags"),
    # Addresses for scripts, probed without their parameters: nothing to show anyone.
    Group("admin/bulk/", "/admin/bulk/wagtailcore/page/delete/", NOBODY, "bulk actions"),
    Group("admin/editing-sessions/", "/admin/editing-sessions/", NOBODY, "editing sessions"),
    Group("admin/block-preview/", "/admin/block-preview/", NOBODY, "block preview"),
    Group("admin/dismissibles/", "/admin/dismissibles/", BACK_OFFICE, "dismissibles"),
    Group("admin/choose-", "/admin/choose-external-link/", BACK_OFFICE, "link choosers"),
    Group("admin/jsi18n/", "/admin/jsi18n/", EVERYONE, "admin translations (script)"),
    Group("admin/sprite/", "/admin/sprite/", EVERYONE, "icons (image)"),
    # Wagtail's deliberate error page (it raises, to test error reporting): declared, not walked.
    Group("admin/failwhale/", None, BACK_OFFICE, "error test page"),
    Group("admin/test404/", "/admin/test404/", BACK_OFFICE, "404 test page"),
    Group("admin/account/", "/admin/account/", BACK_OFFICE, "own account"),
    # Signing in and resetting a password are open to everyone.
    Group("admin/login/", "/admin/login/", EVERYONE, "sign in"),
    Group("admin/password_reset/", "/admin/password_reset/", EVERYONE, "password reset"),
    # The dashboard, and an address the back-office does not have.
    Group("admin/^.*/$", "/admin/no-such-screen/", NOBODY, "unknown address", exact=True),
    Group("admin/", "/admin/", BACK_OFFICE, "dashboard", exact=True),
    # Last: Wagtail signs out even on the GET it answers 405 to.
    Group("admin/logout/", "/admin/logout/", BACK_OFFICE, "sign out", post=True),
]

TABLE = {**ADMIN, **SITE}
