from django.core.files.storage import storages


def private_storage():
    """Attachments never live under MEDIA_URL: they are served by permission-checked views."""
    return storages["private"]
