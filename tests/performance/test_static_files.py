from tests.utils import soup


def test_static_files_have_hashed_names_and_a_year_long_lifetime(client, db):
    stylesheet = soup(client.get("/")).find("link", rel="stylesheet")["href"]
    assert stylesheet.startswith("/static/css/main.")
    assert stylesheet != "/static/css/main.css"

    response = client.get(stylesheet)
    assert response.status_code == 200
    cache_control = response["Cache-Control"]
    assert "max-age=31536000" in cache_control
    assert "immutable" in cache_control


def test_static_files_are_served_compressed(client, db):
    stylesheet = soup(client.get("/")).find("link", rel="stylesheet")["href"]
    response = client.get(stylesheet, headers={"accept-encoding": "gzip"})
    assert response["Content-Encoding"] == "gzip"
