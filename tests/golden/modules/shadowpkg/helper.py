WHAT = "the submodule named helper"
