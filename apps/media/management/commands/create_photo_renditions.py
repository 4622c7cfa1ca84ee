from django.core.management.base import BaseCommand

from apps.media.models import Photo
from apps.media.services import photo_create_renditions


class Command(BaseCommand):
    help = (
        "Erzeugt fehlende Bildvarianten aller Fotos, etwa nach geänderten Breiten oder "
        "einem Umzug des Speichers. Vorhandene Varianten bleiben unberührt."
    )

    def handle(self, *args, **options):
        count = 0
        for photo in Photo.objects.order_by("pk").iterator(chunk_size=200):
            photo_create_renditions(photo=photo)
            count += 1
        self.stdout.write(f"{count} Fotos geprüft.")
