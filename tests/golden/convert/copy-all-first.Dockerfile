FROM python:3.11-slim
WORKDIR /usr/src/app
COPY --chown=1000:1000 . .
ENV FLASK_APP=app.py
RUN pip install --upgrade pip && pip install -r requirements/base.txt
USER 1000
EXPOSE 5000
CMD ["flask", "run", "--host=0.0.0.0"]
