from django.db import migrations

# Role groups as they were named when this migration was written (plans.roles).
ROLE_GROUPS = {"editor": "คณะทำงานเทคโนโลยีสารสนเทศ", "committee": "คณะกรรมการติดตามและประเมินผล"}


def give_memberships(apps, schema_editor):
    """A deployment of one organization notices nothing: whoever held a role now holds it there.

    With several organizations nobody can tell whose a person is; the host assigns them.
    """
    Organization = apps.get_model("plans", "Organization")
    Membership = apps.get_model("plans", "Membership")
    User = apps.get_model("auth", "User")
    organizations = list(Organization.objects.all()[:2])
    if len(organizations) != 1:
        return
    for role, group in ROLE_GROUPS.items():
        for user in User.objects.filter(groups__name=group):
            Membership.objects.get_or_create(user=user, organization=organizations[0], role=role)


class Migration(migrations.Migration):
    dependencies = [
        ("plans", "0011_organizations"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(give_memberships, migrations.RunPython.noop)]
