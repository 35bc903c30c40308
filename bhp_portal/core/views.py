from django.http import HttpResponseServerError
from django.template import loader


def server_error(request):
    """The 500 page, rendered with no request context: whatever broke (the
    database, a context processor) cannot break the error page too."""
    return HttpResponseServerError(loader.get_template("500.html").render())
