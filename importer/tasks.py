"""Background work of the importer (Django's Tasks API; see printing/queue.py for the backends)."""

from django_tasks import task


@task()
def read_plan_upload(upload_id: int) -> str:
    """Read an uploaded plan file into its preview; returns the upload's status."""
    from importer.models import PlanImport
    from importer.uploads import upload_read

    upload = PlanImport.objects.get(pk=upload_id)
    upload_read(upload=upload)
    return upload.status
