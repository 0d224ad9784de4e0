FROM python:3.11-slim-bookworm
RUN pip install --no-cache-dir requests==2.32.3
ENTRYPOINT ["tail"]
CMD ["-f","/dev/null"]
