# models and views need each other; importing inside the functions breaks the cycle at import time.
def render_model(x):
    from .views import render

    return render("model " + x)


def model_name():
    return "Model"
