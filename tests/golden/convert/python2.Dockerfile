FROM ubuntu:16.04
RUN apt-get update && apt-get install -y python python-pip
RUN pip install flask==1.0.2
COPY app.py /app.py
CMD ["python", "/app.py"]
