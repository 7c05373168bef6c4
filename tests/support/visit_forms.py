"""What the visit log form posts, built field by field as a browser would send it."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"


def jpeg(name="meeting.jpg"):
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "green").save(buffer, format="JPEG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


def visit_data(actions=(), follow_ups=(), blank_follow_ups=0, **fields):
    """`actions`: (action, changes) pairs, changes a dict of worked_on / status / progress and
    optionally initial_status / initial_progress (what the form showed when opened)."""
    data = {
        "visited_on": "2026-05-04",
        "mode": "on_site",
        "duration_minutes": "90",
        "attendees_women": "6",
        "attendees_men": "4",
        "attendees_youth": "3",
        "topics": "Preparing the general assembly",
        "advice": "Send the invitations two weeks ahead",
        "decisions": "Assembly on 20 May",
        "next_visit_on": "2026-06-04",
        "revision": "",
        "draft_key": "",
        "actions-TOTAL_FORMS": str(len(actions)),
        "actions-INITIAL_FORMS": str(len(actions)),
        "actions-MIN_NUM_FORMS": "0",
        "actions-MAX_NUM_FORMS": "1000",
        "follow_ups-TOTAL_FORMS": str(len(follow_ups) + blank_follow_ups),
        "follow_ups-INITIAL_FORMS": "0",
        "follow_ups-MIN_NUM_FORMS": "0",
        "follow_ups-MAX_NUM_FORMS": "1000",
    }
    for index, (action, changes) in enumerate(actions):
        prefix = f"actions-{index}-"
        data[prefix + "action"] = str(action.pk)
        data[prefix + "initial_status"] = changes.get("initial_status", action.status)
        data[prefix + "initial_progress"] = str(changes.get("initial_progress", action.progress))
        data[prefix + "status"] = changes.get("status", action.status)
        data[prefix + "progress"] = str(changes.get("progress", action.progress))
        if changes.get("worked_on"):
            data[prefix + "worked_on"] = "on"
    for index, row in enumerate(follow_ups):
        prefix = f"follow_ups-{index}-"
        for name, value in row.items():
            data[prefix + name] = value
    for index in range(len(follow_ups), len(follow_ups) + blank_follow_ups):
        for name in ("id", "description", "owner", "due_on"):
            data[f"follow_ups-{index}-{name}"] = ""
    data.update({name: str(value) for name, value in fields.items()})
    return data
