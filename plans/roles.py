"""The roles of the portal, as Django groups.

One table says what each role may do; migrations call ``sync_roles`` so that
the groups exist on every database, and tests read the same table.
"""

EDITORS = "คณะทำงานเทคโนโลยีสารสนเทศ"
COMMITTEE = "คณะกรรมการติดตามและประเมินผล"
# The host (a province, the DLA, a provider) that runs one deployment for many organizations:
# creates organizations and says who belongs to each. Editors and the committee act only
# within their memberships (plans.models.Membership, plans.tenancy).
HOSTS = "ผู้ดูแลระบบของผู้ให้บริการ"

# A membership's role (plans.models.Membership.Role) -> the group that says what it may do.
# A person's rights in one organization are those of the groups of the roles they hold there.
ROLE_GROUPS = {"editor": EDITORS, "committee": COMMITTEE}

ALL = ("add", "change", "delete", "view")
VIEW = ("view",)

# (app_label, model) -> actions, per role. Plan content is the editors' alone;
# the committee reads it and writes only the monitoring records.
PLAN_CONTENT = [
    ("plans", "edition"),
    ("plans", "section"),
    ("plans", "block"),
    ("plans", "swotitem"),
    ("strategies", "framework"),
    ("strategies", "frameworkpoint"),
    ("strategies", "strategy"),
    ("strategies", "goal"),
    ("strategies", "tactic"),
    ("strategies", "indicator"),
    ("strategies", "indicatortarget"),
    ("projects", "unit"),
    ("projects", "project"),
    ("projects", "projectbudget"),
    ("monitoring", "committee"),
    ("monitoring", "committeemember"),
    ("monitoring", "evaluationmethod"),
    ("monitoring", "scheduleround"),
]

# The monitoring committee's records (evaluation rounds, progress, results).
MONITORING_RECORDS: list[tuple[str, str]] = [
    ("monitoring", "evaluationround"),
    ("monitoring", "projectprogress"),
    ("monitoring", "indicatorresult"),
    ("monitoring", "roundfinding"),
]

ROLES: dict[str, dict[tuple[str, str], tuple[str, ...]]] = {
    EDITORS: {
        **{model: ALL for model in PLAN_CONTENT},
        # Their own organization's details, not the list of organizations.
        ("plans", "organization"): ("change", "view"),
        ("plans", "importflag"): ("change", "view"),
        # Uploading a plan file, reviewing what was read and confirming it (importer.PlanImport).
        ("importer", "planimport"): ("add", "change", "view"),
        ("plans", "edition", "publish_edition"): (),
        # The working group follows the committee's records but does not write them.
        **{model: VIEW for model in MONITORING_RECORDS},
    },
    COMMITTEE: {
        **{model: VIEW for model in PLAN_CONTENT},
        ("plans", "organization"): VIEW,
        **{model: ALL for model in MONITORING_RECORDS},
        ("monitoring", "evaluationround", "publish_evaluationround"): (),
        ("monitoring", "evaluationround", "export_report"): (),
    },
    HOSTS: {
        ("plans", "organization"): ALL,
        ("plans", "membership"): ALL,
        ("plans", "organization", "host_organizations"): (),
        ("auth", "user"): ("add", "change", "view"),
    },
}


def role_codenames(role: str) -> set[tuple[str, str]]:
    """(app_label, codename) pairs a role is given."""
    result = set()
    for key, actions in ROLES[role].items():
        if len(key) == 3:  # a custom permission named directly
            result.add((key[0], key[2]))
            continue
        app_label, model = key
        result.update((app_label, f"{action}_{model}") for action in actions)
    return result


def sync_roles(apps, schema_editor=None):
    """Create the groups and give each exactly the permissions in ROLES.

    Usable from a migration (historical ``apps``) or with django.apps.apps.
    """
    from django.contrib.auth.management import create_permissions

    # Permissions are normally created after migrate; a fresh database needs them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for role in ROLES:
        group, _ = Group.objects.get_or_create(name=role)
        wanted = role_codenames(role)
        perms = [
            perm
            for perm in Permission.objects.select_related("content_type")
            if (perm.content_type.app_label, perm.codename) in wanted
        ]
        missing = wanted - {(p.content_type.app_label, p.codename) for p in perms}
        # An app whose models this migration state does not have yet gets its permissions
        # when its own migration syncs the roles again (importer 0001 does).
        with_models = {model._meta.app_label for model in apps.get_models()}
        missing = {(app_label, codename) for app_label, codename in missing if app_label in with_models}
        if missing:
            raise RuntimeError(f"Permissions not found for role {role}: {sorted(missing)}")
        group.permissions.set(perms)
