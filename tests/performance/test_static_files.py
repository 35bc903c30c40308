from tests.utils import soup


def test_hashed_static_files_are_kept_for_good_unhashed_ones_a_day(client, db):
    stylesheet = soup(client.get("/")).find("link", rel="stylesheet")["href"]
    assert stylesheet.startswith("/static/css/main.")
    assert stylesheet != "/static/css/main.css"

    response = client.get(stylesheet)
    assert response.status_code == 200
    assert response["Cache-Control"] == "max-age=315360000, public, immutable"
    unhashed = client.get("/static/css/main.css")
    assert unhashed.status_code == 200
    assert unhashed["Cache-Control"] == "max-age=86400, public"


def test_static_files_are_served_compressed(client, db):
    stylesheet = soup(client.get("/")).find("link", rel="stylesheet")["href"]
    response = client.get(stylesheet, headers={"accept-encoding": "gzip"})
    assert response["Content-Encoding"] == "gzip"
