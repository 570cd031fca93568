helper = "the attribute named helper"
