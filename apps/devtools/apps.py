from django.apps import AppConfig


class DevtoolsConfig(AppConfig):
    """Developers' tools, installed by the local and test settings and for `make bench` only
    (DEVTOOLS=True): the demo login, the benchmark's data and its trivial view."""

    name = "apps.devtools"
    label = "devtools"
    verbose_name = "Entwicklungswerkzeuge"
