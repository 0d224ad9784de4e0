FROM continuumio/miniconda3:4.12.0
WORKDIR /srv
COPY environment.yml .
RUN conda env create -f environment.yml
SHELL ["conda", "run", "-n", "analysis", "/bin/bash", "-c"]
COPY analyse.py .
ENTRYPOINT ["conda", "run", "--no-capture-output", "-n", "analysis", "python", "analyse.py"]
