import { Login, LoginForm, useTranslate } from 'react-admin';
import { Box, Button, Divider, Typography } from '@mui/material';
import { YANDEX_SIGN_IN } from './authProvider';

export const LoginPage = () => {
  const translate = useTranslate();
  return (
    <Login>
      <LoginForm />
      <Divider>
        <Typography variant="caption">{translate('cinema.auth.or')}</Typography>
      </Divider>
      <Box sx={{ p: 2 }}>
        <Button fullWidth variant="outlined" href={YANDEX_SIGN_IN}>
          {translate('cinema.auth.sign_in_yandex')}
        </Button>
      </Box>
    </Login>
  );
};
