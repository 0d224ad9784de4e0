FROM python:3.11
RUN pip install --no-cache-dir "ludwig[full]==0.10.4" \
    "git+https://github.com/psf/requests.git@v2.32.3#egg=requests" \
    "pandas==2.2.*" "scipy==$SCIPY_VERSION"
LABEL org.opencontainers.image.title="ludwig trainer"
CMD ["ludwig", "--help"]
