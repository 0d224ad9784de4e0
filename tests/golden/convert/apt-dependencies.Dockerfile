FROM python:3.10-buster
RUN apt-get update && apt-get install -y libpq-dev gcc python3-dev
RUN pip install psycopg2==2.9.9 numpy
VOLUME /var/lib/app
STOPSIGNAL SIGINT
CMD ["python", "-m", "app"]
