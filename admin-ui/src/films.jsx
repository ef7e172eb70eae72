import {
  ArrayInput, AutocompleteArrayInput, AutocompleteInput, Create, Datagrid, DateInput, EditButton, FormTab, List,
  NumberField, NumberInput, ReferenceArrayInput, ReferenceInput, SearchInput, SelectInput, SimpleFormIterator,
  TabbedForm, TextField, TextInput, maxValue, minValue, required, useTranslate,
} from 'react-admin';
import { CatalogueEditForm } from './catalogue';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <ReferenceInput key="genre" source="genre" reference="genres" alwaysOn>
    <AutocompleteInput optionText="name" filterToQuery={(q) => ({ q })} sx={{ minWidth: 220 }} />
  </ReferenceInput>,
];

export const FilmList = () => (
  <List filters={filters} sort={{ field: 'imdb_rating', order: 'DESC' }} perPage={25}>
    <Datagrid rowClick="edit" bulkActionButtons={false}>
      <TextField source="title" />
      <NumberField source="imdb_rating" />
      <EditButton />
    </Datagrid>
  </List>
);

const TYPES = ['movie', 'tv_show'];
const ROLES = ['actor', 'writer', 'director'];

const FilmFields = () => {
  const translate = useTranslate();
  return (
    <>
      <TextInput source="title" validate={required()} fullWidth />
      <TextInput source="description" multiline minRows={3} fullWidth />
      <DateInput source="creationDate" />
      <NumberInput source="rating" min={0} max={10} step={0.1} validate={[minValue(0), maxValue(10)]} />
      <SelectInput source="type" choices={TYPES.map((id) => ({ id, name: translate(`cinema.type.${id}`) }))}
                   validate={required()} />
      <ReferenceArrayInput source="genreIds" reference="genres" perPage={100}>
        <AutocompleteArrayInput optionText="name" filterToQuery={(q) => ({ q })} fullWidth />
      </ReferenceArrayInput>
      <ArrayInput source="credits">
        <SimpleFormIterator inline disableReordering>
          <ReferenceInput source="personId" reference="persons">
            <AutocompleteInput optionText="fullName" filterToQuery={(q) => ({ q })} validate={required()}
                               sx={{ minWidth: 320 }} />
          </ReferenceInput>
          <SelectInput source="role" choices={ROLES.map((id) => ({ id, name: translate(`cinema.role.${id}`) }))}
                       validate={required()} />
        </SimpleFormIterator>
      </ArrayInput>
    </>
  );
};

/** The fields a conflict compares (the form's own, not the version). */
const COMPARED = ['title', 'description', 'creationDate', 'rating', 'type', 'genreIds', 'credits'];

export const FilmEdit = () => (
  <CatalogueEditForm compared={COMPARED}>
    <FilmFields />
  </CatalogueEditForm>
);

export const FilmCreate = () => (
  <Create redirect="list">
    <TabbedForm defaultValues={{ type: 'movie', genreIds: [], credits: [] }}>
      <FormTab label="cinema.tab.details">
        <FilmFields />
      </FormTab>
    </TabbedForm>
  </Create>
);
