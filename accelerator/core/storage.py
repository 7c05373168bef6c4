from django.core.files.storage import FileSystemStorage, storages


class PrivateFileSystemStorage(FileSystemStorage):
    """Files with no public address at all: they are served only by permission-checked views."""

    def url(self, name):
        raise ValueError("Private files have no public URL; serve them through a checked view.")


def private_storage():
    """Storage for applicants' documents and field photos (see STORAGES["private"])."""
    return storages["private"]
