"""What shell commands mean, for the lint rules and the converter alike: pip, conda/mamba/micromamba, and the
system package managers (apt, apk, dnf/yum). Pure functions over the model's ``Command``."""
