from celery import shared_task

from accelerator.calls.models import Call

from .services import rescreen


@shared_task
def rescreen_call(call_id):
    """Screen a call's applications again; nothing happens if the call is gone meanwhile."""
    call = Call.objects.filter(pk=call_id).first()
    if call is None:
        return None
    return rescreen(call)
