from django.urls import path

from . import views

app_name = "news"
urlpatterns = [
    path("<str:token>/", views.embargo_preview, name="embargo"),
]
