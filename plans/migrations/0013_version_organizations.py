import django.db.models.deletion
from django.db import migrations, models


def link_stored_versions(apps, schema_editor):
    # The history saved so far gets its links too, so members see their organization's past.
    from plans.tenancy_history import link_stored_versions

    link_stored_versions(apps)


class Migration(migrations.Migration):

    dependencies = [
        ('plans', '0012_memberships_of_a_single_organization'),
        ('reversion', '0002_add_index_on_version_for_content_type_and_db'),
        ('contenttypes', '0002_remove_content_type_name'),
    ]

    operations = [
        migrations.CreateModel(
            name='VersionOrganization',
            fields=[
                ('version', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, primary_key=True, related_name='organization_link', serialize=False, to='reversion.version', verbose_name='ฉบับ')),
                ('organization', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='plans.organization', verbose_name='หน่วยงาน')),
            ],
            options={
                'verbose_name': 'หน่วยงานของฉบับในประวัติ',
                'verbose_name_plural': 'หน่วยงานของฉบับในประวัติ',
            },
        ),
        migrations.RunPython(link_stored_versions, migrations.RunPython.noop),
    ]
